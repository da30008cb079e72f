package dev.argus.frontend.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A user's webhook subscription as the API shows it; its secret is shown once, in {@link Created}.
 *
 * @param id          its id
 * @param owner       the subscribing user, whose finished scans it receives
 * @param url         where deliveries are POSTed
 * @param description the user's note, or null
 * @param events      the events it receives: {@code scan.finished}, {@code scan.cancelled}
 * @param createdAt   when it was created
 */
public record Subscription(UUID id, String owner, String url, String description, List<String> events,
                           Instant createdAt) {

    /**
     * A new subscription (the fields of {@link Subscription}) with its signing secret, shown this once.
     *
     * @param secret the HMAC key of its deliveries
     */
    record Created(UUID id, String owner, String url, String description, List<String> events, Instant createdAt,
                   String secret) {

        static Created of(Subscription s, String secret) {
            return new Created(s.id(), s.owner(), s.url(), s.description(), s.events(), s.createdAt(), secret);
        }

        @Override
        public String toString() {
            return "Subscription.Created[id=" + id + ", owner=" + owner + ", url=" + url + "]";
        }
    }
}
