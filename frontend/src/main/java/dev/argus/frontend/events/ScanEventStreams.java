package dev.argus.frontend.events;

import dev.argus.frontend.FrontendProperties;
import dev.argus.frontend.scan.ResultRecorded;
import dev.argus.frontend.scan.ScanStatusChanged;
import dev.argus.frontend.scan.ScanView;
import dev.argus.frontend.scan.ScanViews;
import dev.argus.frontend.security.Caller;
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
 */
@Component
class ScanEventStreams {

    private static final Logger log = LoggerFactory.getLogger(ScanEventStreams.class);

    private final Map<UUID, Set<SseEmitter>> streams = new ConcurrentHashMap<>();
    private final ScanViews views;
    private final Duration timeout;

    ScanEventStreams(ScanViews views, FrontendProperties properties) {
        this.views = views;
        this.timeout = properties.sseTimeout();
    }

    /**
     * Opens a stream for the scan (404 when unknown or not the viewer's). It is registered before the scan is read, so nothing is
     * missed, and the emitter's lock is held until the {@code scan} event is sent, so a result committed
     * meanwhile is sent after it (and may repeat what the snapshot already shows), never before it.
     */
    SseEmitter open(UUID scanId, Caller viewer) {
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        synchronized (emitter) {
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
