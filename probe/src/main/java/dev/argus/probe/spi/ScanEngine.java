package dev.argus.probe.spi;

import dev.argus.common.message.ProbeCategory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One scanning engine (antivirus, YARA, metadata extractor...) hosted by a probe process. Engines are Spring
 * beans; the probe finds every bean of this type, keeps the ones selected by {@code argus.probe.engines},
 * checks their {@link #dependencies()} and {@link #verify()} at start-up, and then consumes one job queue per
 * engine ({@code argus.probe.<name>}).
 *
 * <p><b>Life cycle.</b> The probe calls, in this order: {@link #dependencies()}, {@link #verify()},
 * {@link #refreshVersions()}; then {@link #scan(Path)} for every job and {@link #refreshVersions()} on every
 * heartbeat. An engine whose dependency is missing or whose {@code verify()} throws is skipped (never scanned).
 * Constructing the bean must be cheap and must not contact the engine: engines that are not selected are
 * still constructed.
 *
 * <p><b>Thread-safety.</b> Implementations must be thread-safe: {@link #scan(Path)} is called concurrently
 * from {@code argus.probe.concurrency} consumer threads, and {@link #refreshVersions()} and
 * {@link #versions()} from the heartbeat thread at the same time. {@code scan} runs on a worker thread that is
 * interrupted when {@link #timeout()} passes; blocking I/O should be interruptible (NIO channels are).
 *
 * <p><b>Errors.</b> A file the engine cannot handle (too large, unreadable format it refuses) is a
 * {@link TerminalEngineException}: the result is a {@code failure} that is not retried. Any other exception,
 * checked {@link EngineException} or unchecked, is an engine crash: the result is a {@code failure} the brain
 * may retry. Categories {@code timeout} and {@code type-unsupported} are never returned by an engine: the probe
 * makes timeouts, the brain applies the mime filter.
 */
public interface ScanEngine {

    /**
     * The probe name, unique across the deployment, matching {@code dev.argus.common.amqp.Topology#PROBE_NAME}
     * (e.g. {@code clamav}); it names the job queue and is what users pass as {@code probes}.
     */
    String name();

    /** A human name, e.g. {@code ClamAV}. */
    String displayName();

    /** The kind of engine. */
    ProbeCategory category();

    /**
     * A regex matched by the brain against a file's detected mime type; only matching files are sent here.
     * Null (the default) accepts every type.
     */
    default String mimeTypes() {
        return null;
    }

    /** The plugin's own version, or null (the default) to use the probe build's version. */
    default String version() {
        return null;
    }

    /**
     * Where this engine comes from, for start-up errors such as a duplicate name: by default the class name; an
     * engine made from a configuration file names the file.
     */
    default String origin() {
        return getClass().getName();
    }

    /** What must be present for the engine to work; checked before {@link #verify()}. Empty by default. */
    default List<EngineDependency> dependencies() {
        return List.of();
    }

    /**
     * Checks that the engine really answers (e.g. clamd's PING), returning within a few seconds.
     *
     * @throws EngineException saying what is wrong; the engine is then skipped
     */
    void verify() throws EngineException;

    /**
     * The versions last learnt by {@link #refreshVersions()}, without contacting the engine;
     * {@link EngineVersions#UNKNOWN} before the first refresh.
     */
    EngineVersions versions();

    /**
     * Asks the engine for its current versions, so that a signature update shows up in the next heartbeat
     * (and in the brain's result cache key); afterwards {@link #versions()} returns the same value. Must return
     * within a few seconds.
     *
     * @throws EngineException when the engine cannot tell; the probe keeps the previous versions
     */
    EngineVersions refreshVersions() throws EngineException;

    /** How long the probe lets {@link #scan(Path)} run on one file before it interrupts it. */
    Duration timeout();

    /**
     * Scans one file.
     *
     * @param file a readable local copy of the file, deleted by the probe afterwards; the engine must not keep it
     * @return the engine's answer, never null
     * @throws TerminalEngineException when the engine cannot handle this file; retrying will not help
     * @throws EngineException         when the engine failed; a retry may succeed
     * @throws InterruptedException    when the probe interrupted the scan (timeout or shutdown)
     */
    ScanOutcome scan(Path file) throws EngineException, InterruptedException;

    /**
     * Scans one file of a job: what the probe calls. By default {@link #scan(Path)}; an engine that needs the job's
     * context (the extraction engine: the scan's passwords) overrides this one.
     *
     * @param file    as for {@link #scan(Path)}
     * @param context the job the file belongs to
     */
    default ScanOutcome scan(Path file, ScanContext context) throws EngineException, InterruptedException {
        return scan(file);
    }
}
