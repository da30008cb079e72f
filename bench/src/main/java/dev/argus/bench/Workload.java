package dev.argus.bench;

import dev.argus.bench.corpus.Profile;
import java.util.Arrays;
import java.util.List;

/**
 * One throughput phase: a profile's corpus sent {@code filesPerScan} files per upload request. Written
 * {@code tiny:10} on the command line; {@code tiny} alone means one file per upload.
 */
record Workload(Profile profile, int filesPerScan) {

    /** The three: mixed one file per upload, tiny ten per upload, tiny one per upload. */
    static final String DEFAULT = "mixed:1,tiny:10,tiny:1";

    Workload {
        if (filesPerScan < 1 || filesPerScan > BenchOptions.MAX_FILES_PER_SCAN) {
            throw new IllegalArgumentException("files per upload must be between 1 and "
                    + BenchOptions.MAX_FILES_PER_SCAN + " (argus.upload.max-files), got " + filesPerScan);
        }
    }

    /** {@code mixed:1,tiny:10,...}. */
    static List<Workload> parseAll(String value) {
        return Arrays.stream(value.split(",")).filter(part -> !part.isBlank()).map(Workload::parse).toList();
    }

    static Workload parse(String value) {
        String[] parts = value.strip().split(":", 2);
        return new Workload(Profile.of(parts[0]), parts.length == 1 ? 1 : Integer.parseInt(parts[1].strip()));
    }

    /** {@code tiny} for one file per upload, {@code tiny-x10} for ten: the report's section and the corpus copy. */
    String label() {
        return profile.label() + (filesPerScan == 1 ? "" : "-x" + filesPerScan);
    }

    /** How the headline names it. */
    String description() {
        return profile.label() + ", " + (filesPerScan == 1 ? "one file" : filesPerScan + " files") + " per upload";
    }
}
