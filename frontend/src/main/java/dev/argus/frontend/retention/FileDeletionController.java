package dev.argus.frontend.retention;

import dev.argus.frontend.security.Callers;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Deleting a file and holding it ({@code DELETE /api/v1/files/{hash}}, {@code PUT|DELETE
 * /api/v1/files/{hash}/legal-hold}); ADMIN only, see the security rules.
 */
@RestController
class FileDeletionController {

    private final FileDeletion deletion;
    private final LegalHolds holds;

    FileDeletionController(FileDeletion deletion, LegalHolds holds) {
        this.deletion = deletion;
        this.holds = holds;
    }

    @DeleteMapping("/api/v1/files/{hash}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String hash, @RequestParam(defaultValue = "false") boolean force) {
        deletion.delete(hash, force, Callers.current());
    }

    @PutMapping(path = "/api/v1/files/{hash}/legal-hold", consumes = "application/json")
    LegalHold hold(@PathVariable String hash, @RequestBody(required = false) HoldRequest request) {
        return holds.place(hash, request == null ? null : request.reason(), Callers.current());
    }

    @DeleteMapping("/api/v1/files/{hash}/legal-hold")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void lift(@PathVariable String hash) {
        holds.lift(hash, Callers.current());
    }

    /**
     * The body of a hold.
     *
     * @param reason why the file is held (up to 500 characters); optional
     */
    record HoldRequest(String reason) {
    }
}
