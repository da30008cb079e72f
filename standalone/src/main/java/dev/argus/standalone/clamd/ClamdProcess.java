package dev.argus.standalone.clamd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A clamd started by the standalone mode as a child process with a {@link ClamdConfig}. Its output goes to
 * {@code clamd.log} in its directory. {@link #ready()} completes when it answers PING (loading the official database
 * takes a while; the bundled test signatures alone about a second) and fails when it exits first. A clamd left
 * running by an earlier run that was killed (found through the pid file) is stopped before the new one starts.
 */
final class ClamdProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClamdProcess.class);
    private static final Duration POLL = Duration.ofMillis(100);

    private final Process process;
    private final ClamdConfig config;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();

    private ClamdProcess(Process process, ClamdConfig config) {
        this.process = process;
        this.config = config;
    }

    /**
     * Writes the configuration and starts clamd; returns at once.
     *
     * @param binary  the clamd executable
     * @param config  what to write into {@code clamd.conf}
     * @param maxWait how long {@link #ready()} waits for the first PONG before failing
     */
    static ClamdProcess start(Path binary, ClamdConfig config, Duration maxWait) {
        try {
            Files.createDirectories(config.directory());
            Files.createDirectories(config.temporaryDirectory());
            stopLeftover(config.pidFile());
            Path configFile = config.directory().resolve(ClamdConfig.FILE_NAME);
            Files.writeString(configFile, config.render(), StandardCharsets.UTF_8);
            Path logFile = config.directory().resolve("clamd.log");
            Process process = new ProcessBuilder(binary.toString(), "--config-file=" + configFile.toAbsolutePath())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            ClamdProcess clamd = new ClamdProcess(process, config);
            Thread.ofVirtual().name("clamd-wait").start(() -> clamd.awaitPong(maxWait));
            return clamd;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + binary + " in " + config.directory(), e);
        }
    }

    /** Completes when clamd answers PING; fails when it exits or does not answer in time. */
    CompletableFuture<Void> ready() {
        return ready;
    }

    /** The process id, for logs. */
    long pid() {
        return process.pid();
    }

    private void awaitPong(Duration maxWait) {
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", config.port());
        long deadline = System.nanoTime() + maxWait.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    ready.completeExceptionally(new IllegalStateException("clamd exited with status "
                            + process.exitValue() + " before answering; see "
                            + config.directory().resolve("clamd.log")));
                    return;
                }
                if (ClamdPing.answers(address, Duration.ofSeconds(1))) {
                    ready.complete(null);
                    return;
                }
                Thread.sleep(POLL);
            }
            ready.completeExceptionally(new IllegalStateException("clamd did not answer within " + maxWait.toSeconds()
                    + " s; see " + config.directory().resolve("clamd.log")));
        } catch (InterruptedException e) {
            ready.completeExceptionally(e);
        }
    }

    /** Stops clamd (SIGTERM, then SIGKILL after 5 s). */
    @Override
    public void close() {
        ready.cancel(false);
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                log.warn("clamd (pid {}) did not stop within 5 s; killing it", process.pid());
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** A clamd of an earlier run that did not get to stop it (the JVM was killed) still holds memory: stop it. */
    private static void stopLeftover(Path pidFile) throws IOException {
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        Optional<ProcessHandle> leftover = parsePid(Files.readString(pidFile)).flatMap(ProcessHandle::of)
                .filter(handle -> handle.info().command().map(c -> c.endsWith("clamd")).orElse(false));
        if (leftover.isPresent()) {
            log.info("stopping clamd (pid {}) left running by an earlier run", leftover.get().pid());
            leftover.get().destroy();
            leftover.get().onExit().completeOnTimeout(null, 10, TimeUnit.SECONDS).join();
        }
        Files.deleteIfExists(pidFile);
    }

    private static Optional<Long> parsePid(String text) {
        try {
            return Optional.of(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
