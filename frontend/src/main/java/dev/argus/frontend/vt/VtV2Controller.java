package dev.argus.frontend.vt;

import dev.argus.common.message.Category;
import dev.argus.frontend.file.FileReport;
import dev.argus.frontend.file.FileReports;
import dev.argus.frontend.scan.FileResultView;
import dev.argus.frontend.scan.RescanRequest;
import dev.argus.frontend.scan.Rescans;
import dev.argus.frontend.scan.ResultView;
import dev.argus.frontend.scan.ScanService;
import dev.argus.frontend.scan.ScanView;
import dev.argus.frontend.scan.ScanViews;
import dev.argus.frontend.security.Caller;
import dev.argus.frontend.security.Callers;
import dev.argus.frontend.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * VirusTotal's legacy API v2 for files: scan, report and rescan, with v2's {@code response_code} (1 found or
 * queued, 0 unknown, -2 still being scanned). A {@code scan_id} is the Argus scan id; {@code resource} takes
 * md5, sha1, sha256 or scan ids, comma-separated, at most {@value #MAX_RESOURCES}, and a batch answers a JSON array.
 */
@RestController
class VtV2Controller {

    static final int MAX_RESOURCES = 25;
    static final String QUEUED_MESSAGE = "Scan request successfully queued, come back later for the report";
    static final String UNKNOWN_MESSAGE = "The requested resource is not among the finished, queued or pending scans";
    static final String PENDING_MESSAGE = "Your resource is queued for analysis";
    static final String FINISHED_MESSAGE = "Scan finished, information embedded";
    private static final Pattern HASH = Pattern.compile("[0-9a-fA-F]{32}|[0-9a-fA-F]{40}|[0-9a-fA-F]{64}");
    private static final DateTimeFormatter SCAN_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final VtUploads uploads;
    private final ScanViews views;
    private final FileReports reports;
    private final Rescans rescans;

    VtV2Controller(VtUploads uploads, ScanViews views, FileReports reports, Rescans rescans) {
        this.uploads = uploads;
        this.views = views;
        this.reports = reports;
        this.rescans = rescans;
    }

    @Operation(summary = "VirusTotal v2: upload one file (part 'file'; the key in the query string) and scan it")
    @PostMapping(path = "/vtapi/v2/file/scan", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Map<String, Object> scan(HttpServletRequest request) {
        ScanService.Created created = uploads.submitOne(request);
        return queued(created.view());
    }

    @Operation(summary = "VirusTotal v2: file reports by md5, sha1, sha256 or scan id (comma-separated batch)")
    @RequestMapping(path = "/vtapi/v2/file/report", method = {RequestMethod.GET, RequestMethod.POST})
    Object report(@RequestParam String resource) {
        Caller caller = Callers.current();
        List<Map<String, Object>> answers = resources(resource).stream().map(r -> report(r, caller)).toList();
        return answers.size() == 1 ? answers.getFirst() : answers;
    }

    @Operation(summary = "VirusTotal v2: rescan known files by md5, sha1 or sha256 (comma-separated batch)")
    @PostMapping("/vtapi/v2/file/rescan")
    Object rescan(@RequestParam String resource) {
        Caller caller = Callers.current();
        List<Map<String, Object>> answers = new ArrayList<>();
        for (String hash : resources(resource)) {
            Optional<FileReport> known = known(hash, caller);
            if (known.isEmpty()) {
                answers.add(unknown(hash));
                continue;
            }
            ScanService.Created created = rescans.rescan(
                    new RescanRequest(List.of(known.get().sha256()), null, true, null, null, null), caller);
            Map<String, Object> answer = queued(created.view());
            answer.put("resource", hash);
            answers.add(answer);
        }
        return answers.size() == 1 ? answers.getFirst() : answers;
    }

    private Map<String, Object> report(String resource, Caller caller) {
        if (!HASH.matcher(resource).matches()) {
            return scanId(resource).flatMap(id -> views.find(id, caller))
                    .map(scan -> scanReport(resource, scan))
                    .orElseGet(() -> unknown(resource));
        }
        Optional<FileReport> known = known(resource, caller);
        if (known.isEmpty()) {
            return unknown(resource);
        }
        FileReport file = known.get();
        boolean active = !file.scans().isEmpty() && file.scans().getFirst().status().isActive();
        if (active || file.results().isEmpty()) {
            return active ? pending(resource, file.scans().getFirst().id().toString()) : unknown(resource);
        }
        Map<String, Object> answer = header(1, FINISHED_MESSAGE, resource, file.md5(), file.sha1(), file.sha256());
        if (!file.scans().isEmpty()) {
            answer.put("scan_id", file.scans().getFirst().id().toString());
            answer.put("permalink", permalink(file.scans().getFirst().id()));
        }
        Instant date = file.scans().isEmpty() ? file.lastSeen() : file.scans().getFirst().createdAt();
        return withScans(answer, file.results(), date);
    }

    private Map<String, Object> scanReport(String resource, ScanView scan) {
        if (scan.status().isActive()) {
            return pending(resource, scan.id().toString());
        }
        FileResultView file = scan.files().getFirst();
        Map<String, Object> answer = header(1, FINISHED_MESSAGE, resource, file.md5(), file.sha1(), file.sha256());
        answer.put("scan_id", scan.id().toString());
        answer.put("permalink", permalink(scan.id()));
        return withScans(answer, file.results(), scan.createdAt());
    }

    /** v2's {@code scans} (detected means malicious), {@code positives}, {@code total} and {@code scan_date}. */
    private static Map<String, Object> withScans(Map<String, Object> answer, Map<String, ResultView> results,
                                                 Instant date) {
        Map<String, Object> scans = new LinkedHashMap<>();
        int positives = 0;
        for (Map.Entry<String, ResultView> entry : results.entrySet()) {
            ResultView result = entry.getValue();
            boolean detected = result.category() == Category.MALICIOUS;
            positives += detected ? 1 : 0;
            Map<String, Object> engine = new LinkedHashMap<>();
            engine.put("detected", detected);
            engine.put("version", result.engineVersion());
            engine.put("result", result.result());
            engine.put("update", result.signatureVersion());
            scans.put(entry.getKey(), engine);
        }
        answer.put("scan_date", SCAN_DATE.format(date));
        answer.put("positives", positives);
        answer.put("total", results.size());
        answer.put("scans", scans);
        return answer;
    }

    private Optional<FileReport> known(String hash, Caller caller) {
        try {
            return Optional.of(reports.report(hash, caller));
        } catch (ApiException e) {
            // v2 answers an unknown or malformed resource with response_code 0, not an HTTP error
            if (e.status().value() == 404 || e.status().value() == 400) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private Map<String, Object> queued(ScanView scan) {
        FileResultView file = scan.files().getFirst();
        Map<String, Object> answer = header(1, QUEUED_MESSAGE, file.sha256(), file.md5(), file.sha1(), file.sha256());
        answer.put("scan_id", scan.id().toString());
        answer.put("permalink", permalink(scan.id()));
        return answer;
    }

    private static Map<String, Object> pending(String resource, String scanId) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("response_code", -2);
        answer.put("verbose_msg", PENDING_MESSAGE);
        answer.put("resource", resource);
        answer.put("scan_id", scanId);
        return answer;
    }

    private static Map<String, Object> unknown(String resource) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("response_code", 0);
        answer.put("verbose_msg", UNKNOWN_MESSAGE);
        answer.put("resource", resource);
        return answer;
    }

    private static Map<String, Object> header(int code, String message, String resource, String md5, String sha1,
                                              String sha256) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("response_code", code);
        answer.put("verbose_msg", message);
        answer.put("resource", resource);
        answer.put("md5", md5);
        answer.put("sha1", sha1);
        answer.put("sha256", sha256);
        return answer;
    }

    /** The resources of a comma-separated list (blanks ignored), 1 to {@value #MAX_RESOURCES}. */
    static List<String> resources(String resource) {
        List<String> resources = Arrays.stream(resource.split(",")).map(String::strip).filter(r -> !r.isEmpty())
                .distinct().toList();
        if (resources.isEmpty() || resources.size() > MAX_RESOURCES) {
            throw ApiException.badRequest("invalid-parameter", "parameter 'resource' must list 1 to " + MAX_RESOURCES
                    + " md5, sha1, sha256 or scan ids, comma-separated");
        }
        for (String r : resources) {
            if (r.length() > 100) {
                throw ApiException.badRequest("invalid-parameter", "parameter 'resource' holds an item longer than"
                        + " 100 characters");
            }
        }
        return resources;
    }

    private static Optional<UUID> scanId(String resource) {
        try {
            return Optional.of(UUID.fromString(resource));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String permalink(UUID scanId) {
        return VtV3Controller.baseUrl() + "/api/v3/analyses/" + scanId;
    }
}
