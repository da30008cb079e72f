package dev.argus.frontend.webhook;

import dev.argus.frontend.scan.CallbackUrlPolicy;
import dev.argus.frontend.web.ApiException;
import org.springframework.stereotype.Component;

/**
 * A scan may name a callback URL the outbound rule permits, once its submitter holds a callback signing secret
 * ({@code POST /api/v1/webhooks/callback-secret}): every delivery is signed, and that secret signs callbacks.
 */
@Component
class CallbackUrls implements CallbackUrlPolicy {

    private final Subscriptions subscriptions;

    CallbackUrls(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Override
    public void check(String callbackUrl, String owner) {
        subscriptions.checkOutbound(callbackUrl, "callbackUrl");
        if (!subscriptions.hasCallbackSecret(owner)) {
            throw ApiException.badRequest("invalid-field", "field 'callbackUrl': callbacks are signed with your"
                    + " callback signing secret; create it first with POST /api/v1/webhooks/callback-secret");
        }
    }
}
