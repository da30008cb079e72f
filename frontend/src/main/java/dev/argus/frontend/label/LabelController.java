package dev.argus.frontend.label;

import dev.argus.frontend.security.Caller;
import dev.argus.frontend.security.Callers;
import java.io.InputStream;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The label API: one file's label, its history, and bulk import from CSV. */
@RestController
class LabelController {

    private final Labels labels;
    private final LabelImport imports;

    LabelController(Labels labels, LabelImport imports) {
        this.labels = labels;
        this.imports = imports;
    }

    @PutMapping(path = "/api/v1/files/{sha256}/label", consumes = "application/json")
    LabelView label(@PathVariable String sha256, @RequestBody(required = false) LabelRequest request) {
        return labels.label(sha256, request, Callers.current().username());
    }

    @GetMapping("/api/v1/files/{sha256}/labels")
    List<LabelView> history(@PathVariable String sha256) {
        Caller caller = Callers.current();
        return labels.history(sha256).stream().map(label -> label.seenBy(caller)).toList();
    }

    @PostMapping(path = "/api/v1/labels", consumes = "text/csv")
    ImportReport importCsv(InputStream body) {
        return imports.importCsv(body, Callers.current().username());
    }
}
