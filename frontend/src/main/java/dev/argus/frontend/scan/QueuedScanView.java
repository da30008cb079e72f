package dev.argus.frontend.scan;

import dev.argus.frontend.catalog.NewFile;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The view of a scan just recorded, built from what its request carried instead of re-reading the rows it
 * wrote: queued, no result yet, every file pending. It is what {@link ScanViews#find} returns for the scan at
 * the moment its transaction commits, so the 202 answer to a submission costs no query.
 */
final class QueuedScanView {

    private static final Stats NO_RESULTS = Stats.of(List.of());

    private QueuedScanView() {
    }

    /**
     * @param files the scan's distinct files, in request order
     */
    static ScanView of(UUID id, Instant createdAt, Collection<NewFile> files, List<String> probes,
                       ScanOptions options) {
        List<FileResultView> fileViews = files.stream()
                .map(file -> new FileResultView(file.sha256(), file.md5(), file.sha1(), file.size(), file.name(),
                        file.mimeType(), FileResultView.Status.PENDING, NO_RESULTS, Map.of(), null))
                .toList();
        return new ScanView(id, ScanStatus.QUEUED, createdAt, null, new Progress(files.size() * probes.size(), 0),
                List.copyOf(probes), options.force(), options.tags(), options.metadata(), fileViews);
    }
}
