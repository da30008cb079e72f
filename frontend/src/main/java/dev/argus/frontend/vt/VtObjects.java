package dev.argus.frontend.vt;

import dev.argus.frontend.file.FileReport;
import dev.argus.frontend.scan.FileResultView;
import dev.argus.frontend.scan.ResultView;
import dev.argus.frontend.scan.ScanStatus;
import dev.argus.frontend.scan.ScanView;
import dev.argus.frontend.verdict.Verdict;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * VirusTotal API v3's JSON objects built from Argus's views: the analysis (a scan, its first uploaded file) and
 * the file (a file report). Maps keep VirusTotal's field order; links are absolute, under the caller's base URL.
 */
final class VtObjects {

    /** VirusTotal's {@code method} for an engine's verdict; Argus's engines all match content against signatures. */
    static final String METHOD = "blacklist";

    private VtObjects() {
    }

    /** {@code {"data": {"type": "analysis", "id", "links"}}}: what an upload or a rescan answers. */
    static Map<String, Object> analysisDescriptor(ScanView scan, String baseUrl) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("type", "analysis");
        data.put("id", scan.id().toString());
        data.put("links", Map.of("self", analysisUrl(baseUrl, scan)));
        return Map.of("data", data);
    }

    /** {@code GET /api/v3/analyses/{id}}: the scan's status, its first uploaded file's results and file_info. */
    static Map<String, Object> analysis(ScanView scan, String baseUrl) {
        FileResultView file = scan.files().getFirst();
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("date", epochSeconds(scan.createdAt()));
        attributes.put("status", status(scan.status()));
        attributes.put("stats", VtCategories.stats(file.results()));
        attributes.put("results", results(file.results()));
        attributes.put("argus_verdict", verdict(file.verdict()));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("type", "analysis");
        data.put("id", scan.id().toString());
        data.put("links", Map.of("self", analysisUrl(baseUrl, scan)));
        data.put("attributes", attributes);
        Map<String, Object> fileInfo = new LinkedHashMap<>();
        fileInfo.put("sha256", file.sha256());
        fileInfo.put("md5", file.md5());
        fileInfo.put("sha1", file.sha1());
        fileInfo.put("size", file.size());
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("data", data);
        document.put("meta", Map.of("file_info", fileInfo));
        return document;
    }

    /** {@code GET /api/v3/files/{hash}}: the file's latest results, names and hashes, and Argus's verdict. */
    static Map<String, Object> file(FileReport report, String baseUrl) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("md5", report.md5());
        attributes.put("sha1", report.sha1());
        attributes.put("sha256", report.sha256());
        attributes.put("size", report.size());
        attributes.put("type_description", report.mimeType());
        attributes.put("names", report.names());
        if (!report.names().isEmpty()) {
            attributes.put("meaningful_name", report.names().getFirst());
        }
        attributes.put("tags", report.tags());
        attributes.put("first_submission_date", epochSeconds(report.firstSeen()));
        attributes.put("last_submission_date", epochSeconds(report.lastSeen()));
        attributes.put("last_analysis_date", epochSeconds(lastAnalysis(report)));
        attributes.put("last_analysis_stats", VtCategories.stats(report.results()));
        attributes.put("last_analysis_results", results(report.results()));
        attributes.put("argus_verdict", verdict(report.verdict()));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("type", "file");
        data.put("id", report.sha256());
        data.put("links", Map.of("self", baseUrl + "/api/v3/files/" + report.sha256()));
        data.put("attributes", attributes);
        return Map.of("data", data);
    }

    /** queued and running are VirusTotal's queued and in-progress; every ended scan is completed. */
    static String status(ScanStatus status) {
        return switch (status) {
            case QUEUED -> "queued";
            case RUNNING -> "in-progress";
            default -> "completed";
        };
    }

    /** VirusTotal's engine results, keyed by probe name: category, engine name, version and update, result. */
    static Map<String, Object> results(Map<String, ResultView> results) {
        Map<String, Object> engines = new LinkedHashMap<>();
        results.forEach((probe, result) -> {
            Map<String, Object> engine = new LinkedHashMap<>();
            engine.put("category", VtCategories.of(result.category()));
            engine.put("engine_name", probe);
            engine.put("engine_version", result.engineVersion());
            engine.put("engine_update", result.signatureVersion());
            engine.put("method", METHOD);
            engine.put("result", result.result());
            engines.put(probe, engine);
        });
        return engines;
    }

    /** Argus's verdict as an extra attribute: label, confidence, method and explanation; null while pending. */
    static Map<String, Object> verdict(Verdict verdict) {
        if (verdict == null) {
            return null;
        }
        Map<String, Object> argus = new LinkedHashMap<>();
        argus.put("label", verdict.label().wireName());
        argus.put("confidence", verdict.confidence());
        argus.put("method", verdict.method());
        argus.put("explanation", verdict.explanation());
        return argus;
    }

    static String analysisUrl(String baseUrl, ScanView scan) {
        return baseUrl + "/api/v3/analyses/" + scan.id();
    }

    /** The newest scan of the file the caller may see, else its last submission by anyone. */
    private static Instant lastAnalysis(FileReport report) {
        return report.scans().isEmpty() ? report.lastSeen() : report.scans().getFirst().createdAt();
    }

    static long epochSeconds(Instant instant) {
        return instant.getEpochSecond();
    }
}
