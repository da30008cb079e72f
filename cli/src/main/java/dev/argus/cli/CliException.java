package dev.argus.cli;

/**
 * A failure the user must see as one line on stderr, after which the command exits with {@link ExitCodes#ERROR}:
 * bad configuration, an unreachable server, a refused key. The message never holds the API key.
 */
public class CliException extends RuntimeException {

    public CliException(String message) {
        super(message);
    }

    public CliException(String message, Throwable cause) {
        super(message, cause);
    }
}
