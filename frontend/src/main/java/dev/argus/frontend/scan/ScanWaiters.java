package dev.argus.frontend.scan;

import dev.argus.frontend.web.ApiException;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * Long polls of {@code GET /api/v1/scans/{id}?wait=…}: each waits, without a request thread, until its scan is no
 * longer active ({@link ScanStatusChanged} to a final status, delivered after commit) or its wait ends, then
 * answers with the scan as then stored. A waiter is registered before the scan is first read, so a scan that
 * finishes in between is not missed; it is dropped when answered, timed out, or when the request ends otherwise
 * (a client that went away: at the latest when its wait ends, {@link #MAX_WAIT}).
 */
@Component
public class ScanWaiters {

    /** The longest wait a client gets; longer ones are cut to it. */
    public static final Duration MAX_WAIT = Duration.ofSeconds(60);

    private static final Pattern WAIT = Pattern.compile("(\\d+)(ms|s|m)?");

    private final Map<UUID, Set<Waiter>> waiting = new ConcurrentHashMap<>();
    /** Re-reads woken scans off the thread that committed the status change (the broker listener's). */
    private final ExecutorService readers = Executors.newFixedThreadPool(2,
            Thread.ofPlatform().name("scan-wait-", 0).daemon().factory());

    /**
     * The wait a {@code wait} parameter asks for: a number with unit {@code ms}, {@code s} or {@code m}, or a bare
     * number of seconds, cut to {@link #MAX_WAIT}.
     *
     * @throws ApiException 400 for anything else
     */
    public static Duration parseWait(String value) {
        Matcher matcher = WAIT.matcher(value == null ? "" : value.strip());
        if (!matcher.matches()) {
            throw ApiException.badRequest("invalid-parameter", "parameter 'wait' must be a duration such as 500ms, "
                    + "30s or 1m (a bare number is seconds; at most " + MAX_WAIT.toSeconds() + " s), got '"
                    + value + "'");
        }
        if (matcher.group(1).length() > 9) { // over 31 years of milliseconds
            return MAX_WAIT;
        }
        long amount = Long.parseLong(matcher.group(1));
        Duration wait = switch (matcher.group(2) == null ? "s" : matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofSeconds(amount);
        };
        return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    }

    /**
     * Answers with the scan once it is no longer active, or when the wait ends. {@code read} reads the scan as its
     * caller may see it (an {@link ApiException} 404 otherwise); it runs first on the calling thread, where its
     * exception is thrown as is, and again when woken or timed out.
     */
    DeferredResult<ScanView> await(UUID scanId, Duration wait, Supplier<ScanView> read) {
        DeferredResult<ScanView> result = new DeferredResult<>(Math.max(1, wait.toMillis()));
        Waiter waiter = new Waiter(scanId, result, read);
        waiting.computeIfAbsent(scanId, id -> ConcurrentHashMap.newKeySet()).add(waiter);
        result.onCompletion(() -> unregister(waiter));
        result.onError(error -> unregister(waiter));
        result.onTimeout(waiter::answer); // on the container's thread, which dispatches the answer next
        ScanView now;
        try {
            now = read.get();
        } catch (RuntimeException e) {
            unregister(waiter);
            throw e;
        }
        if (!now.status().isActive() || wait.isZero()) {
            unregister(waiter);
            result.setResult(now);
        }
        return result;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ScanStatusChanged event) {
        if (event.status().isActive()) {
            return;
        }
        Set<Waiter> woken = waiting.remove(event.scanId());
        if (woken != null) {
            for (Waiter waiter : woken) {
                try {
                    readers.execute(waiter::answer);
                } catch (RejectedExecutionException e) { // shutting down
                    waiter.result.setErrorResult(e);
                }
            }
        }
    }

    /** The waiters of the scan, for tests. */
    public int waiting(UUID scanId) {
        return waiting.getOrDefault(scanId, Set.of()).size();
    }

    @PreDestroy
    void stop() {
        readers.shutdownNow();
    }

    private void unregister(Waiter waiter) {
        waiting.computeIfPresent(waiter.scanId, (id, set) -> {
            set.remove(waiter);
            return set.isEmpty() ? null : set;
        });
    }

    /** One waiting request; answered at most once. */
    private final class Waiter {
        private final UUID scanId;
        private final DeferredResult<ScanView> result;
        private final Supplier<ScanView> read;
        private final AtomicBoolean answered = new AtomicBoolean();

        Waiter(UUID scanId, DeferredResult<ScanView> result, Supplier<ScanView> read) {
            this.scanId = scanId;
            this.result = result;
            this.read = read;
        }

        void answer() {
            unregister(this);
            if (result.isSetOrExpired() || !answered.compareAndSet(false, true)) {
                return;
            }
            try {
                result.setResult(read.get());
            } catch (RuntimeException e) { // rendered by ProblemHandling, as without wait (404, 503)
                result.setErrorResult(e);
            }
        }
    }
}
