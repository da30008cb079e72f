package dev.argus.frontend.file;

import dev.argus.frontend.security.Callers;
import dev.argus.frontend.web.PageView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The file API: one file's report across scans, and file search. */
@RestController
class FileController {

    private final FileReports reports;

    FileController(FileReports reports) {
        this.reports = reports;
    }

    @GetMapping("/api/v1/files/{hash}")
    FileReport file(@PathVariable String hash) {
        return reports.report(hash, Callers.current());
    }

    @GetMapping("/api/v1/files")
    PageView<FileSummary> search(@RequestParam(required = false) String query,
                                 @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "20") int size) {
        return reports.search(query, page, size, Callers.current());
    }
}
