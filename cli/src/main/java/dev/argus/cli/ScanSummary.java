package dev.argus.cli;

import java.util.List;

/** Everything one {@code argus scan} did, and the exit code that follows from it. */
public record ScanSummary(boolean waited, List<String> scanIds, List<FileOutcome> files,
                          List<FileCollector.Problem> errors, List<FileCollector.Problem> skipped) {

    /**
     * 1 when any file is malicious (even if others failed), else 2 when any file could not be scanned, else 0.
     * Skipped symbolic links are no error.
     */
    public int exitCode() {
        if (files.stream().anyMatch(FileOutcome::malicious)) {
            return ExitCodes.MALICIOUS;
        }
        return errors.isEmpty() ? ExitCodes.CLEAN : ExitCodes.ERROR;
    }

    public long count(String verdict) {
        return files.stream().filter(file -> verdict.equals(file.verdict())).count();
    }
}
