package dev.argus.cli;

/** The exit codes of every command, as clamdscan's: scripts test them. */
public final class ExitCodes {

    /** Nothing malicious found (or, without waiting, everything submitted). */
    public static final int CLEAN = 0;
    /** At least one file's verdict is malicious. */
    public static final int MALICIOUS = 1;
    /** An error: bad usage or configuration, unreachable server, refused key, a file that could not be scanned. */
    public static final int ERROR = 2;

    private ExitCodes() {
    }
}
