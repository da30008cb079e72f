package dev.argus.frontend.deadletter;

import dev.argus.frontend.web.ApiException;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admins list, replay or drop parked messages ({@code /api/v1/admin/dead-letters}; ADMIN only, see security). */
@RestController
class DeadLetterController {

    private static final int MAX_LIMIT = 500;

    private final DeadLetterStore store;
    private final Replays replays;

    DeadLetterController(DeadLetterStore store, Replays replays) {
        this.store = store;
        this.replays = replays;
    }

    @GetMapping("/api/v1/admin/dead-letters")
    List<DeadLetter> list(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.badRequest("invalid-parameter", "limit must be between 1 and " + MAX_LIMIT);
        }
        return store.list(limit);
    }

    @PostMapping("/api/v1/admin/dead-letters/{id}/replay")
    ResponseEntity<Void> replay(@PathVariable UUID id) {
        return switch (replays.replay(id)) {
            case REPLAYED -> ResponseEntity.accepted().build();
            case NOT_FOUND -> throw notFound(id);
            case NOT_REPLAYABLE -> throw ApiException.conflict("dead-letter-not-replayable", "parked message " + id
                    + " was not published to one of " + Replays.EXCHANGES + "; it can only be dropped");
        };
    }

    @DeleteMapping("/api/v1/admin/dead-letters/{id}")
    ResponseEntity<Void> drop(@PathVariable UUID id) {
        if (!store.delete(id)) {
            throw notFound(id);
        }
        return ResponseEntity.noContent().build();
    }

    private static ApiException notFound(UUID id) {
        return ApiException.notFound("dead-letter-not-found", "no parked message with id " + id);
    }
}
