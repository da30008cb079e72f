package dev.argus.frontend.events;

import dev.argus.frontend.FrontendProperties;
import dev.argus.frontend.scan.ResultRecorded;
import dev.argus.frontend.scan.ScanStatusChanged;
import dev.argus.frontend.scan.ScanView;
import dev.argus.frontend.scan.ScanViews;
import dev.argus.frontend.quota.Quotas;
import dev.argus.frontend.security.ApiKeyStore;
import dev.argus.frontend.security.Caller;
import dev.argus.frontend.security.CredentialsWithdrawn;
import dev.argus.frontend.web.ApiException;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open live-progress streams, per scan, held in memory. A new stream first gets a {@code scan} event with
 * the scan as it is; then one {@code result} event per stored result and one {@code status} event per status
 * change, both sent after the change is committed; the stream ends after {@code finished} or
 * {@code cancelled}. Streams are dropped on completion, timeout, error or a failed send. The events come from this
 * frontend's own commits and, through {@code argus.live}, from every other frontend's, so a client sees its scan
 * progress whichever frontend it is connected to.
 *
 * <p>Each stream remembers the key it was opened with. It ends when that key is revoked or expires or its user is
 * disabled: at once when that happens through this frontend ({@link CredentialsWithdrawn}), else at the next
 * periodic check ({@code argus.quota.stream-recheck-interval}). A user holds at most its {@code event-streams}
 * quota of open streams on one frontend ({@link Quotas#checkEventStreams}).
 */
@Component
class ScanEventStreams {

    private static final Logger log = LoggerFactory.getLogger(ScanEventStreams.class);

    private final Map<UUID, Set<SseEmitter>> streams = new ConcurrentHashMap<>();
    /** Who opened each open stream, with which key. */
    private final Map<SseEmitter, Caller> viewers = new ConcurrentHashMap<>();
    private final ScanViews views;
    private final Duration timeout;
    private final Quotas quotas;
    private final ApiKeyStore keys;

    ScanEventStreams(ScanViews views, FrontendProperties properties, Quotas quotas, ApiKeyStore keys) {
        this.views = views;
        this.timeout = properties.sseTimeout();
        this.quotas = quotas;
        this.keys = keys;
    }

    /**
     * Opens a stream for the scan (404 when unknown or not the viewer's). It is registered before the scan is read, so nothing is
     * missed, and the emitter's lock is held until the {@code scan} event is sent, so a result committed
     * meanwhile is sent after it (and may repeat what the snapshot already shows), never before it.
     */
    SseEmitter open(UUID scanId, Caller viewer) {
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        synchronized (emitter) {
            synchronized (viewers) { // count and register as one step, so parallel opens cannot pass the quota
                quotas.checkEventStreams(viewer.username(), openStreams(viewer.username()));
                viewers.put(emitter, viewer);
            }
            register(scanId, emitter);
            Optional<ScanView> scan = views.find(scanId, viewer);
            if (scan.isEmpty()) {
                unregister(scanId, emitter);
                throw ApiException.notFound("scan-not-found", "no scan with id " + scanId);
            }
            send(scanId, emitter, "scan", scan.get());
            if (!scan.get().status().isActive()) {
                unregister(scanId, emitter);
                emitter.complete();
            }
        }
        return emitter;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ResultRecorded event) {
        broadcast(event.scanId(), "result", event);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ScanStatusChanged event) {
        broadcast(event.scanId(), "status", event);
        if (!event.status().isActive()) {
            Set<SseEmitter> ended = streams.remove(event.scanId());
            if (ended != null) {
                ended.forEach(SseEmitter::complete);
            }
        }
    }

    /** Open streams, for tests and metrics. */
    int openStreams(UUID scanId) {
        return streams.getOrDefault(scanId, Set.of()).size();
    }

    /** The streams the user holds open on this frontend. */
    long openStreams(String username) {
        return viewers.values().stream().filter(caller -> caller.username().equals(username)).count();
    }

    /** Ends at once the user's streams whose key no longer works (after the change is committed). */
    @TransactionalEventListener(fallbackExecution = true)
    void on(CredentialsWithdrawn event) {
        endWithdrawn(caller -> caller.username().equals(event.username()));
    }

    /** Ends the streams whose key was revoked or expired, or whose user was disabled, through any frontend. */
    @Scheduled(fixedDelayString = "${argus.quota.stream-recheck-interval:10s}")
    void recheck() {
        endWithdrawn(caller -> true);
    }

    private void endWithdrawn(java.util.function.Predicate<Caller> which) {
        Map<UUID, Boolean> active = new java.util.HashMap<>();
        viewers.forEach((emitter, caller) -> {
            if (caller.keyId() != null && which.test(caller)
                    && !active.computeIfAbsent(caller.keyId(), id -> keys.active(id).isPresent())) {
                log.info("ending a live stream of {}: its key was revoked or expired, or the user disabled",
                        caller.username());
                viewers.remove(emitter);
                emitter.complete();
            }
        });
    }

    private void register(UUID scanId, SseEmitter emitter) {
        streams.computeIfAbsent(scanId, id -> new CopyOnWriteArraySet<>()).add(emitter);
        emitter.onCompletion(() -> unregister(scanId, emitter));
        emitter.onTimeout(() -> {
            unregister(scanId, emitter);
            emitter.complete();
        });
        emitter.onError(error -> unregister(scanId, emitter));
    }

    private void unregister(UUID scanId, SseEmitter emitter) {
        viewers.remove(emitter);
        streams.computeIfPresent(scanId, (id, set) -> {
            set.remove(emitter);
            return set.isEmpty() ? null : set;
        });
    }

    private void broadcast(UUID scanId, String name, Object data) {
        streams.getOrDefault(scanId, Set.of()).forEach(emitter -> send(scanId, emitter, name, data));
    }

    private void send(UUID scanId, SseEmitter emitter, String name, Object data) {
        try {
            synchronized (emitter) {
                emitter.send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
            }
        } catch (IOException | IllegalStateException e) {
            log.debug("dropping a live stream of scan {}: {}", scanId, e.getMessage());
            unregister(scanId, emitter);
        }
    }
}
