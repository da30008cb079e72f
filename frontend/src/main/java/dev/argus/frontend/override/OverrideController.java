package dev.argus.frontend.override;

import dev.argus.frontend.security.Callers;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/overrides}: admins set ({@code POST}) and lift ({@code DELETE /{id}}) overrides; every signed-in
 * user may list them ({@code GET}), since verdicts name them anyway (see the security rules).
 */
@RestController
class OverrideController {

    private final Overrides overrides;

    OverrideController(Overrides overrides) {
        this.overrides = overrides;
    }

    @PostMapping(path = "/api/v1/overrides", consumes = "application/json")
    ResponseEntity<VerdictOverride> set(@RequestBody(required = false) OverrideRequest request) {
        VerdictOverride override = overrides.set(request, Callers.current());
        return ResponseEntity.created(URI.create("/api/v1/overrides/" + override.id())).body(override);
    }

    @GetMapping("/api/v1/overrides")
    List<VerdictOverride> list() {
        return overrides.list();
    }

    @DeleteMapping("/api/v1/overrides/{id}")
    ResponseEntity<Void> lift(@PathVariable long id) {
        overrides.lift(id, Callers.current());
        return ResponseEntity.noContent().build();
    }
}
