package dev.argus.standalone.clamd;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * Where the probe's ClamAV engine finds clamd in this run, and how that came about.
 *
 * @param host              TCP host for the engine
 * @param port              TCP port for the engine
 * @param databaseDirectory clamd's signature directory, when the standalone knows it (it started clamd); null to keep
 *                          the probe's setting
 * @param ready             completes when clamd answers (at once for a clamd that was already running); fails when a
 *                          started clamd exits or gives up
 * @param description       one line for the start-up log
 * @param resource          what must be stopped with the standalone (the started clamd or the socket relay)
 */
public record ClamdEndpoint(String host, int port, Path databaseDirectory, CompletableFuture<Void> ready,
                            String description, AutoCloseable resource) implements AutoCloseable {

    /** True when the standalone started this clamd itself. */
    public boolean started() {
        return resource instanceof ClamdProcess;
    }

    @Override
    public void close() throws Exception {
        if (resource != null) {
            resource.close();
        }
    }
}
