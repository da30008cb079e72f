package dev.argus.frontend.events;

import dev.argus.frontend.security.Callers;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** {@code GET /api/v1/scans/{id}/events}: a scan's live progress as Server-Sent Events. */
@RestController
class ScanEventsController {

    private final ScanEventStreams streams;

    ScanEventsController(ScanEventStreams streams) {
        this.streams = streams;
    }

    @GetMapping(path = "/api/v1/scans/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@PathVariable UUID id) {
        return streams.open(id, Callers.current());
    }
}
