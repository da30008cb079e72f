package dev.argus.frontend.webhook;

import dev.argus.common.json.ArgusJson;
import dev.argus.frontend.scan.ScanView;
import dev.argus.frontend.scan.ScanViews;
import dev.argus.frontend.security.Caller;
import dev.argus.frontend.security.Role;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends the webhook outbox, in every frontend: every {@code argus.webhooks.poll-interval} it claims due deliveries
 * ({@link Deliveries#claim}, so two frontends never send one attempt twice) and makes one attempt each, in parallel:
 * the target is checked against the {@link OutboundRule} again (refused: failed, nothing sent), the scan's summary
 * POSTed, signed ({@link Signatures}), with connect and request timeouts, redirects not followed and the answer's body
 * discarded. A 2xx answer delivers it; any other answer, a timeout or a connection failure makes it due again after
 * {@code initial-backoff} doubled per earlier attempt (at most {@code max-backoff}), unless that is past its deadline:
 * then it is failed. A process that dies mid-attempt leaves the delivery leased; it is tried again when the lease ends
 * (at-least-once: a receiver drops repeats by {@code X-Argus-Delivery}).
 */
@Component
class DeliveryDispatcher implements SmartLifecycle {

    static final String USER_AGENT = "Argus-Webhooks/1";
    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);
    private static final Caller DISPATCHER = new Caller("webhook-dispatcher", Role.ADMIN, null);
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);

    private final Deliveries deliveries;
    private final OutboundRule outbound;
    private final ScanViews scans;
    private final WebhookProperties properties;
    private final WebhookMeters meters;
    private final HttpClient client;
    private ScheduledExecutorService ticks;

    DeliveryDispatcher(Deliveries deliveries, OutboundRule outbound, ScanViews scans, WebhookProperties properties,
                       WebhookMeters meters) {
        this.deliveries = deliveries;
        this.outbound = outbound;
        this.scans = scans;
        this.properties = properties;
        this.meters = meters;
        this.client = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** Its own thread: an attempt may wait for a slow receiver, which must not hold up the shared scheduler. */
    @Override
    public synchronized void start() {
        ticks = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("webhook-dispatcher").factory());
        long interval = properties.pollInterval().toMillis();
        ticks.scheduleWithFixedDelay(this::dispatchDue, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (ticks != null) {
            ticks.shutdownNow(); // an attempt cut short stays leased and is made again after the lease
            ticks = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return ticks != null;
    }

    /** Sends every due delivery; failures of the database are logged and tried again at the next tick. */
    void dispatchDue() {
        try {
            List<Deliveries.Claim> claimed;
            do {
                Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                Instant leaseEnd = now.plus(properties.connectTimeout()).plus(properties.requestTimeout())
                        .plus(LEASE_MARGIN);
                claimed = deliveries.claim(now, leaseEnd, properties.batchSize());
                try (ExecutorService attempts = Executors.newVirtualThreadPerTaskExecutor()) {
                    claimed.forEach(claim -> attempts.submit(() -> attempt(claim)));
                }
            } while (claimed.size() == properties.batchSize() && !Thread.currentThread().isInterrupted());
        } catch (RuntimeException e) {
            log.error("Webhook dispatcher failed, trying again in {}: {}", properties.pollInterval(), e.toString());
        }
    }

    private void attempt(Deliveries.Claim claim) {
        try {
            Optional<String> secret = deliveries.secret(claim);
            if (secret.isEmpty()) {
                fail(claim, null, claim.kind().equals("callback") ? "the owner has no callback signing secret"
                        : "the subscription was deleted");
                return;
            }
            URI url = URI.create(claim.url());
            try {
                outbound.permittedAddresses(url);
            } catch (OutboundRule.Refused e) {
                fail(claim, null, "refused by the outbound rule, no request sent: " + e.getMessage());
                return;
            }
            Optional<ScanView> scan = scans.find(claim.scanId(), DISPATCHER);
            if (scan.isEmpty()) {
                fail(claim, null, "the scan no longer exists");
                return;
            }
            byte[] body = ArgusJson.mapper().writeValueAsString(ScanSummary.of(claim.event(), claim.id(),
                    claim.owner(), scan.get(), properties.publicUrl())).getBytes(StandardCharsets.UTF_8);
            long timestamp = Instant.now().getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(url)
                    .timeout(properties.requestTimeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", USER_AGENT)
                    .header("X-Argus-Event", claim.event())
                    .header("X-Argus-Delivery", claim.id().toString())
                    .header("X-Argus-Timestamp", Long.toString(timestamp))
                    .header("X-Argus-Signature", Signatures.sign(secret.get(), timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status >= 200 && status < 300) {
                deliveries.delivered(claim, status, Instant.now().truncatedTo(ChronoUnit.MICROS));
                meters.delivered();
                log.info("webhook delivery {} of scan {} ({}) delivered to {} at attempt {}: HTTP {}", claim.id(),
                        claim.scanId(), claim.event(), claim.url(), claim.attempt(), status);
            } else {
                retryOrFail(claim, status, "HTTP " + status);
            }
        } catch (HttpTimeoutException e) {
            retryOrFail(claim, null, "timed out: " + e.getMessage());
        } catch (ConnectException e) {
            retryOrFail(claim, null, "connection failed: " + describe(e));
        } catch (IOException e) {
            retryOrFail(claim, null, "request failed: " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the lease runs out and the attempt is made again
        } catch (RuntimeException e) {
            log.error("webhook delivery {} of scan {}: attempt {} failed: {}", claim.id(), claim.scanId(),
                    claim.attempt(), e.toString());
        }
    }

    private void retryOrFail(Deliveries.Claim claim, Integer status, String error) {
        Instant next = Instant.now().truncatedTo(ChronoUnit.MICROS).plus(backoff(claim.attempt()));
        if (next.isAfter(claim.deadline())) {
            fail(claim, status, error + "; no attempt left before the deadline " + claim.deadline());
            return;
        }
        deliveries.attemptFailed(claim, status, error, next);
        meters.retried();
        log.info("webhook delivery {} of scan {} to {}: attempt {} failed ({}), next at {}", claim.id(),
                claim.scanId(), claim.url(), claim.attempt(), error, next);
    }

    private void fail(Deliveries.Claim claim, Integer status, String error) {
        deliveries.attemptFailed(claim, status, error, null);
        meters.failed();
        log.warn("webhook delivery {} of scan {} to {} failed for good after {} attempt(s): {}", claim.id(),
                claim.scanId(), claim.url(), claim.attempt(), error);
    }

    /** {@code initial-backoff} doubled per attempt before this one, at most {@code max-backoff}. */
    Duration backoff(int attempt) {
        Duration wait = properties.initialBackoff();
        for (int i = 1; i < attempt && wait.compareTo(properties.maxBackoff()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : wait;
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + message;
    }
}
