package dev.argus.probe.engine.support;

/**
 * Something an engine made from the files of a directory (compiled rules, hash sets), replaced as a whole when the
 * files change. Implementations are immutable apart from {@link #retire()}.
 */
public interface DirectorySnapshot {

    /** The signature version this snapshot stands for, e.g. {@code rules:1a2b3c4d5e6f}. */
    String version();

    /** A short description for logs, e.g. {@code 3 rule file(s)}. */
    String summary();

    /**
     * Called once when a newer snapshot replaced this one, or when the engine closes; frees what the snapshot
     * holds outside the heap (e.g. a compiled rules file). Scans already using the snapshot may still be running.
     */
    default void retire() {
    }
}
