package dev.argus.frontend.webhook;

import java.util.List;

/**
 * {@code POST /api/v1/webhooks}: subscribe a URL to the caller's finished scans.
 *
 * @param url         an absolute http(s) URL the outbound rule permits
 * @param description a note, at most 200 characters, or null
 * @param events      {@code scan.finished} and/or {@code scan.cancelled}; default both
 */
record WebhookRequest(String url, String description, List<String> events) {
}
