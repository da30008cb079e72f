package dev.argus.standalone.clamd;

import java.nio.file.Path;

/**
 * The configuration of the clamd the standalone mode starts itself: TCP on 127.0.0.1 only, in the foreground (so it
 * is a child process that can be stopped), everything it writes under its own directory, and limits above the
 * frontend's upload limit (256 MB by default). Content beyond a limit is reported ({@code AlertExceedsMax}: a
 * {@code Heuristics.Limits.Exceeded.*} finding), never answered clean: a file clamd did not read to its end was not
 * shown to be harmless.
 *
 * @param directory         clamd's directory: pid file, temporary files
 * @param databaseDirectory the signature files it loads
 * @param port              its TCP port at 127.0.0.1
 * @param limits            how much clamd reads of one stream, file and archive
 */
public record ClamdConfig(Path directory, Path databaseDirectory, int port, Limits limits) {

    /** The configuration with the {@link Limits#DEFAULT default limits}. */
    public ClamdConfig(Path directory, Path databaseDirectory, int port) {
        this(directory, databaseDirectory, port, Limits.DEFAULT);
    }

    /**
     * clamd's scan limits, in clamd's own size notation ({@code 300M}, {@code 4K}).
     *
     * @param streamMaxLength the largest stream clamd accepts (INSTREAM)
     * @param maxScanSize     the most data clamd reads of one scanned stream, archives' members included
     * @param maxFileSize     the largest single file (or archive member) it scans
     * @param maxRecursion    the deepest archive nesting it follows
     * @param maxFiles        the most members of one archive it scans
     */
    public record Limits(String streamMaxLength, String maxScanSize, String maxFileSize, int maxRecursion,
                         int maxFiles) {

        /** Above the frontend's default upload limit (256 MB); recursion and members as clamd's defaults. */
        public static final Limits DEFAULT = new Limits("300M", "400M", "300M", 17, 10000);
    }

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
                "StreamMaxLength " + limits.streamMaxLength(),
                "MaxScanSize " + limits.maxScanSize(),
                "MaxFileSize " + limits.maxFileSize(),
                "MaxRecursion " + limits.maxRecursion(),
                "MaxFiles " + limits.maxFiles(),
                // Without it clamd answers OK for what it stopped reading at a limit.
                "AlertExceedsMax yes",
                "");
    }
}
