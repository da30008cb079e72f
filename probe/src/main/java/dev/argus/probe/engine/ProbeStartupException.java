package dev.argus.probe.engine;

/**
 * The probe cannot start as configured. The message is a sentence saying what is wrong, the action what to
 * change; {@link ProbeStartupFailureAnalyzer} prints both instead of a stack trace.
 */
public class ProbeStartupException extends RuntimeException {

    private final String action;

    public ProbeStartupException(String message, String action) {
        super(message);
        this.action = action;
    }

    /** What the operator should change. */
    public String action() {
        return action;
    }
}
