package dev.argus.bench.pipeline;

import java.util.concurrent.atomic.LongAdder;

/**
 * Waits for one scan's end the way a {@link Client} kind does, and counts the requests it took. Thread-safe: the
 * uploaders of a throughput phase share one.
 */
final class ScanEnd {

    static final long FIRST_POLL_MILLIS = 2;
    static final long MAX_POLL_MILLIS = 50;
    static final String LONG_POLL_WAIT = "30s";

    /** A long-poll answer slower than this was held by the server; a faster non-final one was not. */
    private static final long HELD_MILLIS = 1_000;

    private final ArgusApi api;
    private final Client client;
    private final LongAdder requests = new LongAdder();

    ScanEnd(ArgusApi api, Client client) {
        this.api = api;
        this.client = client;
    }

    /**
     * Returns when the scan has a final status.
     *
     * @param check       called between polls, e.g. to fail fast when a process died
     * @param stallMillis how long one scan may take before the run fails
     */
    void await(String scanId, Runnable check, long stallMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + stallMillis;
        switch (client) {
            case SSE, COUNT -> {
                requests.increment();
                api.awaitEnd(scanId);
            }
            case POLL -> {
                for (long gap = FIRST_POLL_MILLIS; ; gap = nextGap(gap)) {
                    Thread.sleep(gap);
                    if (ended(scanId, null, check, deadline)) {
                        return;
                    }
                }
            }
            case LONGPOLL -> {
                long gap = FIRST_POLL_MILLIS;
                while (true) {
                    long start = System.currentTimeMillis();
                    if (ended(scanId, LONG_POLL_WAIT, check, deadline)) {
                        return;
                    }
                    if (System.currentTimeMillis() - start < HELD_MILLIS) {
                        Thread.sleep(gap);
                        gap = nextGap(gap);
                    } else {
                        gap = FIRST_POLL_MILLIS;
                    }
                }
            }
        }
    }

    /** The gaps of the poll back-off: 2, 4, 8, 16, 32, 50, 50, ... ms. */
    static long nextGap(long gap) {
        return Math.min(gap * 2, MAX_POLL_MILLIS);
    }

    /** Requests made so far to learn scans' ends (one per poll, long poll or event stream). */
    long requests() {
        return requests.sum();
    }

    private boolean ended(String scanId, String wait, Runnable check, long deadline) {
        requests.increment();
        if (ArgusApi.isFinal(api.status(scanId, wait))) {
            return true;
        }
        check.run();
        if (System.currentTimeMillis() > deadline) {
            throw new IllegalStateException("stalled: scan " + scanId + " did not end in time");
        }
        return false;
    }
}
