package dev.argus.frontend.user;

import dev.argus.frontend.security.ApiKeyStore;
import dev.argus.frontend.security.Callers;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The users-and-keys API (roles are checked by the security rules and by {@link Users}). */
@RestController
class UserController {

    private final Users users;
    private final UserChanges changes;

    UserController(Users users, UserChanges changes) {
        this.users = users;
        this.changes = changes;
    }

    @GetMapping("/api/v1/users")
    List<UserRequests.UserSummary> list() {
        return users.list();
    }

    @PostMapping(path = "/api/v1/users", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<UserRequests.UserView> create(@RequestBody UserRequests.NewUser request) {
        UserRequests.UserView user = users.create(request, Callers.current());
        return ResponseEntity.created(URI.create("/api/v1/users/" + user.username())).body(user);
    }

    /** JSON merge patch of {@code role}, {@code enabled} and {@code quotas}. */
    @PatchMapping(path = "/api/v1/users/{username}",
            consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    UserRequests.UserSummary change(@PathVariable String username, @RequestBody Map<String, Object> patch) {
        return changes.apply(username, patch, Callers.current());
    }

    @PostMapping(path = "/api/v1/users/{username}/keys", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ApiKeyStore.NewApiKey> createKey(@PathVariable String username,
                                                    @RequestBody UserRequests.NewKey request) {
        return ResponseEntity.status(201).body(users.createKey(username, request, Callers.current()));
    }

    @GetMapping("/api/v1/users/{username}/keys")
    List<UserRequests.KeyView> keys(@PathVariable String username) {
        return users.listKeys(username, Callers.current());
    }

    @DeleteMapping("/api/v1/users/{username}/keys")
    UserRequests.Revoked revokeAll(@PathVariable String username) {
        return new UserRequests.Revoked(users.revokeAll(username, Callers.current()));
    }

    @DeleteMapping("/api/v1/keys/{id}")
    ResponseEntity<Void> revoke(@PathVariable UUID id) {
        users.revoke(id, Callers.current());
        return ResponseEntity.noContent().build();
    }
}
