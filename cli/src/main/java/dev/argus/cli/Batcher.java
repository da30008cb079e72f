package dev.argus.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Groups files into upload requests: at most {@code maxFiles} files and, where a request holds more than one
 * file, at most {@code maxBytes} bytes of content. A file larger than {@code maxBytes} travels alone (the server
 * decides whether it is too large). Order is kept.
 */
public final class Batcher {

    private Batcher() {
    }

    public static List<List<FileCollector.Candidate>> plan(List<FileCollector.Candidate> files, int maxFiles,
                                                          long maxBytes) {
        if (maxFiles < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("a batch holds at least one file and one byte");
        }
        List<List<FileCollector.Candidate>> batches = new ArrayList<>();
        List<FileCollector.Candidate> current = new ArrayList<>();
        long bytes = 0;
        for (FileCollector.Candidate file : files) {
            if (!current.isEmpty() && (current.size() == maxFiles || bytes + file.size() > maxBytes)) {
                batches.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(file);
            bytes += file.size();
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }
}
