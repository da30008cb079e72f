package dev.argus.probe.engine.support;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link DirectorySnapshot} in step with the files of a directory. {@link #start()} loads the first
 * snapshot (its failure is the caller's to report) and then a background thread compares the directory's
 * {@link DirectoryFingerprint} with the last one seen every {@code checkInterval}; when it differs, the loader runs
 * on that thread and its snapshot replaces the current one, which is then {@link DirectorySnapshot#retire()
 * retired}. A load that fails keeps the current snapshot and logs one WARN naming the problem; the same files are
 * not tried again until they change. Scans never wait for a load: they keep using the snapshot they got.
 *
 * <p>Thread-safe. Comparing fingerprints instead of using a {@code WatchService} also catches changes made through
 * bind mounts, network file systems and replaced symbolic links (Kubernetes ConfigMaps), which inotify misses.
 *
 * @param <T> what the loader makes
 */
public final class ReloadingDirectory<T extends DirectorySnapshot> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReloadingDirectory.class);

    /** Makes a snapshot from the accepted files (sorted by name, possibly none). */
    @FunctionalInterface
    public interface Loader<T> {
        /** @throws Exception with a message saying what is wrong with the files; the current snapshot is kept */
        T load(List<Path> files) throws Exception;
    }

    private final String engine;
    private final Path directory;
    private final Predicate<Path> accepts;
    private final Loader<T> loader;
    private final Duration checkInterval;
    private volatile T current;
    private volatile ScheduledExecutorService poller;
    private volatile boolean reloadRequested;
    /** Guarded by {@code this}; read and written by {@link #start()} and {@link #check()} only. */
    private DirectoryFingerprint lastSeen;
    private boolean unreadable;

    /**
     * @param engine        the engine's name, for logs and the polling thread's name
     * @param directory     the directory to watch
     * @param accepts       which files of the directory count
     * @param loader        makes a snapshot from the files
     * @param checkInterval how often to compare fingerprints
     */
    public ReloadingDirectory(String engine, Path directory, Predicate<Path> accepts, Loader<T> loader,
                              Duration checkInterval) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.accepts = Objects.requireNonNull(accepts, "accepts");
        this.loader = Objects.requireNonNull(loader, "loader");
        this.checkInterval = Objects.requireNonNull(checkInterval, "checkInterval");
        if (checkInterval.isNegative() || checkInterval.isZero()) {
            throw new IllegalArgumentException("checkInterval must be positive");
        }
    }

    /**
     * Loads the first snapshot and starts watching; when already started, only returns the current snapshot.
     *
     * @throws Exception what the loader threw, or the {@link IOException} of listing the directory
     */
    public synchronized T start() throws Exception {
        if (current != null) {
            return current;
        }
        DirectoryFingerprint fingerprint = DirectoryFingerprint.of(directory, accepts);
        T first = Objects.requireNonNull(loader.load(fingerprint.paths()), "the loader made no snapshot");
        lastSeen = fingerprint;
        current = first;
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().name(engine + "-reload").daemon(true).factory());
        executor.scheduleWithFixedDelay(this::check, checkInterval.toMillis(), checkInterval.toMillis(),
                TimeUnit.MILLISECONDS);
        poller = executor;
        log.info("engine '{}': loaded {} from {} (version {})", engine, first.summary(), directory, first.version());
        return first;
    }

    /** The current snapshot, or null before {@link #start()} succeeded and after {@link #close()}. */
    public T current() {
        return current;
    }

    /** Makes the next check load the files again even if they did not change (e.g. the engine was upgraded). */
    public void reloadOnNextCheck() {
        reloadRequested = true;
    }

    /** Stops watching and retires the current snapshot. */
    @Override
    public void close() {
        ScheduledExecutorService executor = poller;
        poller = null;
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        T last = current;
        current = null;
        if (last != null) {
            last.retire();
        }
    }

    /**
     * Compares the fingerprint with the last one seen and loads the files when it changed; runs on the polling
     * thread (package-private so tests can run a check without waiting).
     */
    synchronized void check() {
        T previous = current;
        if (previous == null) {
            return; // not started, or closed
        }
        DirectoryFingerprint fingerprint;
        try {
            fingerprint = DirectoryFingerprint.of(directory, accepts);
        } catch (IOException | RuntimeException e) {
            if (!unreadable) {
                unreadable = true;
                log.warn("engine '{}': cannot read {}, keeping {} (version {}): {}", engine, directory,
                        previous.summary(), previous.version(), e.toString());
            }
            return;
        }
        if (unreadable) {
            unreadable = false;
            log.info("engine '{}': {} is readable again", engine, directory);
        }
        boolean forced = reloadRequested;
        if (!forced && fingerprint.equals(lastSeen)) {
            return;
        }
        reloadRequested = false;
        lastSeen = fingerprint;
        T next;
        try {
            next = Objects.requireNonNull(loader.load(fingerprint.paths()), "the loader made no snapshot");
        } catch (Exception e) {
            log.warn("engine '{}': the files in {} changed but cannot be loaded, keeping the previous {} (version {}):"
                    + " {}", engine, directory, previous.summary(), previous.version(), e.getMessage());
            return;
        }
        if (poller == null) {
            next.retire(); // closed while loading
            return;
        }
        current = next;
        log.info("engine '{}': reloaded {} from {} (version {} -> {})", engine, next.summary(), directory,
                previous.version(), next.version());
        previous.retire();
    }
}
