package dev.argus.frontend.scan;

import dev.argus.frontend.web.ApiException;

/**
 * Decides whether a scan may name a callback URL (whose form {@link ScanOptions} checked): the webhook feature's
 * outbound rule. Asked by {@link ScanService} before it records anything.
 */
public interface CallbackUrlPolicy {

    /**
     * Accepts the URL or refuses it.
     *
     * @param owner the submitting user
     * @throws ApiException 400 {@code invalid-field} naming {@code callbackUrl} when the URL may not be called
     */
    void check(String callbackUrl, String owner);
}
