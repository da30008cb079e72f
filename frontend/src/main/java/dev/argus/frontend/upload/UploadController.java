package dev.argus.frontend.upload;

import dev.argus.frontend.scan.ScanService;
import dev.argus.frontend.scan.ScanView;
import dev.argus.frontend.security.Caller;
import dev.argus.frontend.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/scans} with {@code multipart/form-data}: upload files and scan them. */
@RestController
class UploadController {

    private final MultipartUploadReader reader;
    private final UploadService uploads;

    UploadController(MultipartUploadReader reader, UploadService uploads) {
        this.reader = reader;
        this.uploads = uploads;
    }

    @Operation(summary = "Upload files and scan them",
            responses = @ApiResponse(responseCode = "202", description = "scan recorded and queued; Location names it"),
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                    schema = @Schema(implementation = UploadFormDocumentation.class))))
    @PostMapping(path = "/api/v1/scans", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ScanView> upload(HttpServletRequest request) {
        Caller caller = Callers.current();
        ScanService.Created created;
        try (Upload upload = reader.read(request)) {
            created = uploads.submit(upload, caller.username());
        }
        ScanView scan = created.view();
        return ResponseEntity.accepted().location(URI.create("/api/v1/scans/" + scan.id())).body(scan);
    }

    /** Documents the form for OpenAPI only; the request is parsed by streaming. */
    record UploadFormDocumentation(
            @Schema(description = "one part per file; the part's filename is kept as the file name",
                    requiredMode = Schema.RequiredMode.REQUIRED) List<byte[]> file,
            @Schema(description = "comma-separated probe names; default every online probe") String probes,
            @Schema(description = "true: do not reuse stored results", defaultValue = "false") Boolean force,
            @Schema(description = "comma-separated tags") String tags,
            @Schema(description = "a JSON object, echoed back in the scan") String metadata,
            @Schema(description = "a password to try on encrypted archives; repeat the field for several (never"
                    + " stored nor shown)") List<String> passwords,
            @Schema(description = "an http(s) URL POSTed the scan's signed summary when it finishes (see Webhooks)")
            String callbackUrl) {
    }
}
