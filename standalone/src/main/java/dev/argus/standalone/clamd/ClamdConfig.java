package dev.argus.standalone.clamd;

import java.nio.file.Path;

/**
 * The configuration of the clamd the standalone mode starts itself: TCP on 127.0.0.1 only, in the foreground (so it
 * is a child process that can be stopped), everything it writes under its own directory, and limits above the
 * frontend's upload limit (256 MB by default).
 *
 * @param directory         clamd's directory: pid file, temporary files
 * @param databaseDirectory the signature files it loads
 * @param port              its TCP port at 127.0.0.1
 */
public record ClamdConfig(Path directory, Path databaseDirectory, int port) {

    /** File name of the written configuration. */
    public static final String FILE_NAME = "clamd.conf";

    /** Where clamd writes its process id. */
    public Path pidFile() {
        return directory.resolve("clamd.pid");
    }

    /** Where clamd puts its temporary files. */
    public Path temporaryDirectory() {
        return directory.resolve("tmp");
    }

    /** The {@code clamd.conf} text. */
    public String render() {
        return String.join("\n",
                "# Written by Argus at every start; changes here are overwritten.",
                "DatabaseDirectory " + databaseDirectory.toAbsolutePath(),
                "TCPAddr 127.0.0.1",
                "TCPSocket " + port,
                "PidFile " + pidFile().toAbsolutePath(),
                "TemporaryDirectory " + temporaryDirectory().toAbsolutePath(),
                "Foreground yes",
                "LogTime yes",
                "MaxThreads 4",
                "StreamMaxLength 300M",
                "MaxScanSize 400M",
                "MaxFileSize 300M",
                "");
    }
}
