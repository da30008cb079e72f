package dev.argus.frontend.vt;

import dev.argus.frontend.file.FileReport;
import dev.argus.frontend.file.FileReports;
import dev.argus.frontend.scan.RescanRequest;
import dev.argus.frontend.scan.Rescans;
import dev.argus.frontend.scan.ScanService;
import dev.argus.frontend.scan.ScanView;
import dev.argus.frontend.scan.ScanViews;
import dev.argus.frontend.security.Caller;
import dev.argus.frontend.security.Callers;
import dev.argus.frontend.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * VirusTotal API v3's file routes: upload (directly or through an upload URL), analysis, file object and rescan.
 * An analysis id is the Argus scan id; a scan made here has exactly one file.
 */
@RestController
class VtV3Controller {

    static final String UPLOAD_PATH = "/api/v3/files/upload";

    private final VtUploads uploads;
    private final ScanViews views;
    private final FileReports reports;
    private final Rescans rescans;

    VtV3Controller(VtUploads uploads, ScanViews views, FileReports reports, Rescans rescans) {
        this.uploads = uploads;
        this.views = views;
        this.reports = reports;
        this.rescans = rescans;
    }

    @Operation(summary = "VirusTotal v3: upload one file (part 'file') and scan it; answers the analysis descriptor")
    @PostMapping(path = {"/api/v3/files", UPLOAD_PATH}, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Map<String, Object> upload(HttpServletRequest request) {
        ScanService.Created created = uploads.submitOne(request);
        return VtObjects.analysisDescriptor(created.view(), baseUrl());
    }

    /**
     * An absolute URL to post a file to, for files of any size up to the upload limit: Argus streams every upload,
     * so it is the upload route itself, under the scheme and host the client used (the forwarded ones behind a
     * proxy when {@code server.forward-headers-strategy} says so). It needs the key like any other route.
     */
    @Operation(summary = "VirusTotal v3: a URL to upload a large file to")
    @GetMapping("/api/v3/files/upload_url")
    Map<String, Object> uploadUrl() {
        return Map.of("data", baseUrl() + UPLOAD_PATH);
    }

    @Operation(summary = "VirusTotal v3: an analysis (an Argus scan) with its file's results")
    @GetMapping("/api/v3/analyses/{id}")
    Map<String, Object> analysis(@PathVariable String id) {
        ScanView scan = scan(id);
        return VtObjects.analysis(scan, baseUrl());
    }

    @Operation(summary = "VirusTotal v3: a file object by sha256, sha1 or md5")
    @GetMapping("/api/v3/files/{hash}")
    Map<String, Object> file(@PathVariable String hash) {
        FileReport report = reports.report(hash, Callers.current());
        return VtObjects.file(report, baseUrl());
    }

    @Operation(summary = "VirusTotal v3: rescan a known file (fresh results, nothing reused)")
    @PostMapping("/api/v3/files/{hash}/analyse")
    Map<String, Object> analyse(@PathVariable String hash) {
        Caller caller = Callers.current();
        FileReport report = reports.report(hash, caller);
        ScanService.Created created = rescans.rescan(
                new RescanRequest(List.of(report.sha256()), null, true, null, null, null), caller);
        return VtObjects.analysisDescriptor(created.view(), baseUrl());
    }

    private ScanView scan(String id) {
        UUID scanId;
        try {
            scanId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("analysis-not-found", "no analysis with id " + printable(id));
        }
        return views.find(scanId, Callers.current())
                .orElseThrow(() -> ApiException.notFound("analysis-not-found", "no analysis with id " + scanId));
    }

    private static String printable(String text) {
        String shown = text.length() > 64 ? text.substring(0, 64) + "…" : text;
        return shown.replaceAll("[^\\x20-\\x7e…]", "?");
    }

    /** The scheme, host and port the client used (forwarded ones honoured as the server is configured). */
    static String baseUrl() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }
}
