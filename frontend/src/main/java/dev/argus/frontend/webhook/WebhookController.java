package dev.argus.frontend.webhook;

import dev.argus.frontend.scan.ScanViews;
import dev.argus.frontend.security.Caller;
import dev.argus.frontend.security.Callers;
import dev.argus.frontend.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The webhook API: subscriptions ({@code /api/v1/webhooks}), the callback signing secret, and the deliveries of a
 * scan. ANALYST and ADMIN only (SecurityConfiguration); a user manages its own subscriptions, an ADMIN everyone's.
 */
@RestController
class WebhookController {

    private final Subscriptions subscriptions;
    private final Deliveries deliveries;
    private final ScanViews scans;

    WebhookController(Subscriptions subscriptions, Deliveries deliveries, ScanViews scans) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.scans = scans;
    }

    @Operation(summary = "Subscribe a URL to your finished scans; the signing secret is shown in this answer only")
    @PostMapping(path = "/api/v1/webhooks", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Subscription.Created> subscribe(@RequestBody WebhookRequest request) {
        Subscription.Created created = subscriptions.create(request, Callers.current());
        return ResponseEntity.created(URI.create("/api/v1/webhooks/" + created.id())).body(created);
    }

    @Operation(summary = "List your subscriptions (an admin: everyone's, or one user's with 'user'); no secrets")
    @GetMapping("/api/v1/webhooks")
    List<Subscription> list(@RequestParam(required = false) String user) {
        Caller caller = Callers.current();
        if (caller.isAdmin()) {
            return subscriptions.list(user == null || user.isBlank() ? null : user);
        }
        if (user != null && !user.isBlank() && !user.equals(caller.username())) {
            throw ApiException.forbidden("forbidden", "only an admin may list another user's webhooks");
        }
        return subscriptions.list(caller.username());
    }

    @DeleteMapping("/api/v1/webhooks/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        subscriptions.delete(id, Callers.current());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Create or replace your callback signing secret (signs the callbackUrl deliveries of your"
            + " scans); shown in this answer only")
    @PostMapping("/api/v1/webhooks/callback-secret")
    ResponseEntity<Subscriptions.CallbackSecret> callbackSecret() {
        return ResponseEntity.status(201).body(subscriptions.newCallbackSecret(Callers.current()));
    }

    @Operation(summary = "The webhook deliveries of a scan: target, state, attempts, last answer or error")
    @GetMapping("/api/v1/scans/{id}/webhooks")
    List<DeliveryView> ofScan(@PathVariable UUID id) {
        scans.find(id, Callers.current())
                .orElseThrow(() -> ApiException.notFound("scan-not-found", "no scan with id " + id));
        return deliveries.ofScan(id);
    }
}
