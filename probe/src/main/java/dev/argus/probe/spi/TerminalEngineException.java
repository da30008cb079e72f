package dev.argus.probe.spi;

/**
 * The engine cannot handle this particular file (over its size limit, a format it refuses): the job's result is a
 * {@code failure} with {@code retryable=false} and this exception's message as the error, so the brain does not
 * send the file again.
 */
public final class TerminalEngineException extends EngineException {

    public TerminalEngineException(String message) {
        super(message);
    }

    public TerminalEngineException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
