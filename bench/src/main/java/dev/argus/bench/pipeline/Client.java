package dev.argus.bench.pipeline;

import java.util.Locale;

/**
 * How a benchmark client learns that its scan ended. Every kind but {@link #COUNT} is a closed loop per client:
 * upload, wait for that scan's end, upload the next, as a script or a VirusTotal-style client does.
 */
public enum Client {
    /** {@code GET /api/v1/scans/{id}} first after 2 ms, the gap doubling up to 50 ms, until a final status. */
    POLL,
    /**
     * {@code GET /api/v1/scans/{id}?wait=30s} until a final status; a non-final answer that came back at once (a
     * server that does not know {@code wait}) is followed by the {@link #POLL} back-off before the next request.
     */
    LONGPOLL,
    /** The scan's Server-Sent Events stream ({@code GET /api/v1/scans/{id}/events}), which ends after the final status. */
    SSE,
    /**
     * The bench's figure before the clients: uploads back to back without waiting, finished scans counted every
     * 200 ms (exact to 200 ms); a single scan's end (latency) is seen by {@link #SSE}.
     */
    COUNT;

    /** The lower-case name used on the command line and in the results. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code poll}, {@code longpoll}, {@code sse} or {@code count}, case-insensitive. */
    public static Client of(String label) {
        return valueOf(label.strip().toUpperCase(Locale.ROOT));
    }
}
