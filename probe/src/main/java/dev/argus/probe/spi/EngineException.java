package dev.argus.probe.spi;

/**
 * The engine failed (crashed, is unreachable, answered nonsense). The job's result is a {@code failure} with
 * {@code retryable=true}: another attempt may succeed. See {@link TerminalEngineException} for files the engine
 * will never handle.
 */
public class EngineException extends Exception {

    public EngineException(String message) {
        super(message);
    }

    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }

    /** True when another attempt at the same file may succeed. */
    public boolean isRetryable() {
        return true;
    }
}
