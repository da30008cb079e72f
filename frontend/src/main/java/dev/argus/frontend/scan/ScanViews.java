package dev.argus.frontend.scan;

import dev.argus.frontend.catalog.StoredFile;
import dev.argus.frontend.catalog.StoredFileRepository;
import dev.argus.frontend.verdict.Verdicts;
import dev.argus.frontend.security.Caller;
import dev.argus.frontend.web.PageView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Builds the API's view of scans, loading the files and results of a whole page in three queries. */
@Component
public class ScanViews {

    private final ScanRepository scans;
    private final ScanFileRepository scanFiles;
    private final ScanResultRepository results;
    private final StoredFileRepository files;
    private final Verdicts verdicts;

    ScanViews(ScanRepository scans, ScanFileRepository scanFiles, ScanResultRepository results,
              StoredFileRepository files, Verdicts verdicts) {
        this.verdicts = verdicts;
        this.scans = scans;
        this.scanFiles = scanFiles;
        this.results = results;
        this.files = files;
    }

    /** The scan, or empty when unknown or not the viewer's (only its submitter and ADMINs see a scan). */
    @Transactional(readOnly = true)
    public Optional<ScanView> find(UUID id, Caller viewer) {
        return scans.findById(id).filter(scan -> visible(scan, viewer)).map(scan -> build(List.of(scan)).getFirst());
    }

    /** True when the viewer may see the scan: its submitter or an ADMIN. */
    public static boolean visible(Scan scan, Caller viewer) {
        return viewer.isAdmin() || viewer.username().equals(scan.owner());
    }

    /** A page of the scans the viewer may see, newest first, optionally of one status. */
    @Transactional(readOnly = true)
    public PageView<ScanView> list(ScanStatus status, Caller viewer, Pageable pageable) {
        Page<Scan> page;
        if (viewer.isAdmin()) {
            page = status == null ? scans.findAll(pageable) : scans.findByStatus(status, pageable);
        } else {
            page = status == null ? scans.findByOwner(viewer.username(), pageable)
                    : scans.findByOwnerAndStatus(viewer.username(), status, pageable);
        }
        return new PageView<>(build(page.getContent()), pageable.getPageNumber(), pageable.getPageSize(),
                page.getTotalElements());
    }

    private List<ScanView> build(List<Scan> page) {
        if (page.isEmpty()) {
            return List.of();
        }
        PageRows rows = page.size() == 1 ? oneScan(page.getFirst().id())
                : severalScans(page.stream().map(Scan::id).toList());
        Map<UUID, List<ScanFile>> filesByScan = rows.files().stream()
                .collect(Collectors.groupingBy(ScanFile::scanId, LinkedHashMap::new, Collectors.toList()));
        Map<String, StoredFile> stored = rows.stored().stream()
                .collect(Collectors.toMap(StoredFile::sha256, Function.identity(), (a, b) -> a));
        Map<UUID, Map<String, Map<String, ResultView>>> resultsByScan = new HashMap<>();
        for (ScanResult result : rows.results()) {
            resultsByScan.computeIfAbsent(result.scanId(), id -> new HashMap<>())
                    .computeIfAbsent(result.sha256(), sha -> new HashMap<>())
                    .put(result.probe(), result.view());
        }
        List<ScanView> views = new ArrayList<>(page.size());
        for (Scan scan : page) {
            Map<String, Map<String, ResultView>> byFile = resultsByScan.getOrDefault(scan.id(), Map.of());
            List<FileResultView> fileViews = filesByScan.getOrDefault(scan.id(), List.of()).stream()
                    .map(file -> fileView(scan, file, stored.get(file.sha256()),
                            byFile.getOrDefault(file.sha256(), Map.of())))
                    .toList();
            views.add(new ScanView(scan.id(), scan.status(), scan.createdAt(), scan.finishedAt(),
                    new Progress(scan.total(), scan.done()), scan.probes(), scan.force(), scan.tags(),
                    scan.metadata(), fileViews));
        }
        return views;
    }

    /**
     * One scan's rows (a GET, an event stream's first read), by queries with a single parameter each: Hibernate
     * translates those once, where a query with a collection parameter is translated again on every call.
     */
    private PageRows oneScan(UUID id) {
        return new PageRows(scanFiles.findByScanIdOrderByPositionAsc(id), files.findByScan(id),
                results.findByScanId(id));
    }

    private PageRows severalScans(List<UUID> ids) {
        List<ScanFile> pageFiles = scanFiles.findByScanIdInOrderByPositionAsc(ids);
        return new PageRows(pageFiles, files.findAllById(pageFiles.stream().map(ScanFile::sha256).distinct().toList()),
                results.findByScanIdIn(ids));
    }

    /** The rows a page of scans is built from: their files in order, those files' catalogue rows, their results. */
    private record PageRows(List<ScanFile> files, List<StoredFile> stored, List<ScanResult> results) {
    }

    private FileResultView fileView(Scan scan, ScanFile file, StoredFile stored,
                                           Map<String, ResultView> results) {
        Map<String, ResultView> ordered = inProbeOrder(scan.probes(), results);
        boolean done = !scan.status().isActive() || ordered.size() >= scan.probes().size();
        return new FileResultView(file.sha256(), stored.md5(), stored.sha1(), stored.size(), file.name(),
                stored.mimeType(), done ? FileResultView.Status.DONE : FileResultView.Status.PENDING,
                Stats.of(ordered.values()), ordered, done ? verdicts.judge(ResultView.categories(ordered)) : null);
    }

    /** Results keyed by probe, in the given probe order, any other probe after them. */
    static Map<String, ResultView> inProbeOrder(List<String> probes, Map<String, ResultView> results) {
        Map<String, ResultView> ordered = new LinkedHashMap<>();
        probes.stream().filter(results::containsKey).forEach(p -> ordered.put(p, results.get(p)));
        results.keySet().stream().sorted().forEach(p -> ordered.putIfAbsent(p, results.get(p)));
        return ordered;
    }
}
