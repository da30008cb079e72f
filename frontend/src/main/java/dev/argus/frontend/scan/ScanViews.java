package dev.argus.frontend.scan;

import dev.argus.common.json.ArgusJson;
import dev.argus.common.message.Category;
import dev.argus.common.message.Extraction;
import dev.argus.frontend.catalog.StoredFile;
import dev.argus.frontend.catalog.StoredFileRepository;
import dev.argus.frontend.verdict.ContainerVerdicts;
import dev.argus.frontend.verdict.Verdict;
import dev.argus.frontend.verdict.Verdicts;
import dev.argus.frontend.security.Caller;
import dev.argus.frontend.web.PageView;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
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
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the API's view of scans. One scan (a GET, a long poll, an event stream's first read) is read with three
 * plain SQL queries; a page of scans through JPA, loading the files and results of the whole page in three queries.
 */
@Component
public class ScanViews {

    private static final String SCAN_COLUMNS = "id, status, created_at, finished_at, force, probes, tags, "
            + "metadata::text as metadata, total, done, owner";
    private static final RowMapper<Head> HEAD = (rs, row) -> new Head(rs.getObject("id", UUID.class),
            ScanStatus.fromWireName(rs.getString("status")), instant(rs, "created_at"), instant(rs, "finished_at"),
            rs.getBoolean("force"), strings(rs.getArray("probes")), strings(rs.getArray("tags")),
            jsonObject(rs.getString("metadata")), rs.getInt("total"), rs.getInt("done"), rs.getString("owner"));

    private final ScanRepository scans;
    private final ScanFileRepository scanFiles;
    private final ScanResultRepository results;
    private final StoredFileRepository files;
    private final Verdicts verdicts;
    private final JdbcClient jdbc;
    private final StaleResults staleResults;

    ScanViews(ScanRepository scans, ScanFileRepository scanFiles, ScanResultRepository results,
              StoredFileRepository files, Verdicts verdicts, JdbcClient jdbc, StaleResults staleResults) {
        this.staleResults = staleResults;
        this.verdicts = verdicts;
        this.scans = scans;
        this.scanFiles = scanFiles;
        this.results = results;
        this.files = files;
        this.jdbc = jdbc;
    }

    /**
     * The scan, or empty when unknown or not the viewer's (only its submitter and ADMINs see a scan). Plain SQL
     * without a transaction: the JPA form cost more CPU than the rest of the request (a session, a transaction and
     * Hibernate's query plans per call), and in a read-committed transaction each query saw its own snapshot
     * anyway. The files are read after the scan and the results last, so a result is never missing for a scan
     * read as finished.
     */
    public Optional<ScanView> find(UUID id, Caller viewer) {
        Optional<Head> scan = jdbc.sql("select " + SCAN_COLUMNS + " from scan where id = :id")
                .param("id", id).query(HEAD).optional();
        if (scan.isEmpty() || !visible(scan.get().owner(), viewer)) {
            return Optional.empty();
        }
        List<FileRow> scanFiles = jdbc.sql("""
                        select sf.scan_id, sf.sha256, sf.name, sf.other_names, f.md5, f.sha1, f.size, f.mime_type, sf.parent, sf.path,
                               sf.depth, sf.extraction::text as extraction
                        from scan_file sf join file f on f.sha256 = sf.sha256
                        where sf.scan_id = :id order by sf.position
                        """)
                .param("id", id)
                .query((rs, row) -> new FileRow(rs.getObject("scan_id", UUID.class), rs.getString("sha256"),
                        rs.getString("name"), names(rs.getArray("other_names")), rs.getString("md5"), rs.getString("sha1"), rs.getLong("size"),
                        rs.getString("mime_type"), rs.getString("parent"), rs.getString("path"), rs.getInt("depth"),
                        extraction(rs.getString("extraction"))))
                .list();
        List<ResultRowView> scanResults = jdbc.sql("""
                        select scan_id, sha256, probe, category, result, engine_version, signature_version,
                               duration_ms, error, cached, details::text as details
                        from scan_result where scan_id = :id
                        """)
                .param("id", id)
                .query((rs, row) -> new ResultRowView(rs.getObject("scan_id", UUID.class), rs.getString("sha256"),
                        rs.getString("probe"), new ResultView(Category.fromWireName(rs.getString("category")),
                        rs.getString("result"), rs.getString("engine_version"), rs.getString("signature_version"),
                        rs.getLong("duration_ms"), rs.getString("error"), rs.getBoolean("cached"),
                        jsonObject(rs.getString("details")))))
                .list();
        return Optional.of(build(List.of(scan.get()), scanFiles, scanResults).getFirst());
    }

    /** True when the viewer may see the scan: its submitter or an ADMIN. */
    public static boolean visible(Scan scan, Caller viewer) {
        return visible(scan.owner(), viewer);
    }

    private static boolean visible(String owner, Caller viewer) {
        return viewer.isAdmin() || viewer.username().equals(owner);
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
        List<UUID> ids = page.stream().map(Scan::id).toList();
        List<ScanFile> pageFiles = scanFiles.findByScanIdInOrderByPositionAsc(ids);
        Map<String, StoredFile> stored = files.findAllById(pageFiles.stream().map(ScanFile::sha256).distinct()
                        .toList()).stream()
                .collect(Collectors.toMap(StoredFile::sha256, Function.identity(), (a, b) -> a));
        List<FileRow> fileRows = pageFiles.stream().map(file -> {
            StoredFile content = stored.get(file.sha256());
            return new FileRow(file.scanId(), file.sha256(), file.name(), file.otherNames(), content.md5(), content.sha1(),
                    content.size(), content.mimeType(), file.parent(), file.path(), file.depth(), file.extraction());
        }).toList();
        List<ResultRowView> resultRows = results.findByScanIdIn(ids).stream()
                .map(result -> new ResultRowView(result.scanId(), result.sha256(), result.probe(), result.view()))
                .toList();
        List<Head> heads = page.stream().map(scan -> new Head(scan.id(), scan.status(), scan.createdAt(),
                scan.finishedAt(), scan.force(), scan.probes(), scan.tags(), scan.metadata(), scan.total(),
                scan.done(), scan.owner())).toList();
        return build(heads, fileRows, resultRows);
    }

    private List<ScanView> build(List<Head> page, List<FileRow> pageFiles, List<ResultRowView> pageResults) {
        Map<UUID, List<FileRow>> filesByScan = pageFiles.stream()
                .collect(Collectors.groupingBy(FileRow::scanId, LinkedHashMap::new, Collectors.toList()));
        Map<UUID, Map<String, Map<String, ResultView>>> resultsByScan = new HashMap<>();
        StaleResults.Marker stale = staleResults.marker();
        for (ResultRowView result : pageResults) {
            resultsByScan.computeIfAbsent(result.scanId(), id -> new HashMap<>())
                    .computeIfAbsent(result.sha256(), sha -> new HashMap<>())
                    .put(result.probe(), stale.mark(result.probe(), result.view()));
        }
        List<ScanView> views = new ArrayList<>(page.size());
        for (Head scan : page) {
            Map<String, Map<String, ResultView>> byFile = resultsByScan.getOrDefault(scan.id(), Map.of());
            List<FileResultView> fileViews = inTree(filesByScan.getOrDefault(scan.id(), List.of()).stream()
                    .map(file -> fileView(scan, file, byFile.getOrDefault(file.sha256(), Map.of())))
                    .toList());
            views.add(new ScanView(scan.id(), scan.status(), scan.createdAt(), scan.finishedAt(),
                    new Progress(scan.total(), scan.done()), scan.probes(), scan.force(), scan.tags(),
                    scan.metadata(), fileViews));
        }
        return views;
    }

    /** What a scan view is built from: the scan's row. */
    private record Head(UUID id, ScanStatus status, Instant createdAt, Instant finishedAt, boolean force,
                        List<String> probes, List<String> tags, Map<String, Object> metadata, int total, int done,
                        String owner) {
    }

    /** A file of a scan with its catalogue columns. */
    private record FileRow(UUID scanId, String sha256, String name, List<String> otherNames, String md5, String sha1, long size,
                           String mimeType, String parent, String path, int depth, Extraction extraction) {
    }

    /** A stored result of a scan. */
    private record ResultRowView(UUID scanId, String sha256, String probe, ResultView view) {
    }

    private FileResultView fileView(Head scan, FileRow file, Map<String, ResultView> results) {
        Map<String, ResultView> ordered = inProbeOrder(scan.probes(), results);
        boolean done = !scan.status().isActive() || ordered.size() >= scan.probes().size();
        return new FileResultView(file.sha256(), file.md5(), file.sha1(), file.size(), file.name(),
                file.mimeType(), done ? FileResultView.Status.DONE : FileResultView.Status.PENDING,
                Stats.of(ordered.values()), ordered, done ? verdicts.judge(file.sha256(), ordered) : null,
                file.parent(), file.path(), file.depth(), file.extraction(), file.otherNames());
    }

    private static List<String> names(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    /**
     * The files with their verdicts in the scan's file tree ({@link ContainerVerdicts}): a container's is at least as
     * bad as what it holds. A scan without containers is returned as it is.
     */
    private static List<FileResultView> inTree(List<FileResultView> files) {
        if (files.stream().noneMatch(f -> f.parent() != null || f.extraction() != null)) {
            return files;
        }
        List<ContainerVerdicts.Node> nodes = files.stream().map(f -> new ContainerVerdicts.Node(f.sha256(),
                f.parent(), label(f), f.verdict(), f.extraction(), detections(f.results()))).toList();
        Map<String, Verdict> judged = ContainerVerdicts.judge(nodes);
        return files.stream().map(f -> f.withVerdict(judged.get(f.sha256()))).toList();
    }

    private static String label(FileResultView file) {
        if (file.path() != null) {
            return file.path();
        }
        return file.name() != null ? file.name() : file.sha256().substring(0, 12);
    }

    private static List<String> detections(Map<String, ResultView> results) {
        List<String> detections = new ArrayList<>();
        results.forEach((probe, result) -> {
            if (result.category() == Category.MALICIOUS) {
                detections.add(ContainerVerdicts.detection(probe, result.result()));
            }
        });
        if (detections.isEmpty()) {
            results.forEach((probe, result) -> {
                if (result.category() == Category.SUSPICIOUS) {
                    detections.add(ContainerVerdicts.detection(probe, result.result()));
                }
            });
        }
        return detections;
    }

    private static Extraction extraction(String json) {
        return json == null ? null : ArgusJson.mapper().readValue(json, Extraction.class);
    }

    /** Results keyed by probe, in the given probe order, any other probe after them. */
    static Map<String, ResultView> inProbeOrder(List<String> probes, Map<String, ResultView> results) {
        Map<String, ResultView> ordered = new LinkedHashMap<>();
        probes.stream().filter(results::containsKey).forEach(p -> ordered.put(p, results.get(p)));
        results.keySet().stream().sorted().forEach(p -> ordered.putIfAbsent(p, results.get(p)));
        return ordered;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> jsonObject(String json) {
        return json == null ? Map.of() : ArgusJson.mapper().readValue(json, LinkedHashMap.class);
    }
}
