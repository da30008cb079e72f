package dev.argus.frontend.vt;

import dev.argus.frontend.scan.ScanService;
import dev.argus.frontend.security.Callers;
import dev.argus.frontend.upload.MultipartUploadReader;
import dev.argus.frontend.upload.Upload;
import dev.argus.frontend.upload.UploadService;
import dev.argus.frontend.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/**
 * The upload of both VirusTotal API versions: a multipart request with exactly one part {@code file}, scanned for the
 * caller like a form upload (its other fields are the form's options), since a VirusTotal analysis is one file.
 */
@Component
class VtUploads {

    private final MultipartUploadReader reader;
    private final UploadService uploads;

    VtUploads(MultipartUploadReader reader, UploadService uploads) {
        this.reader = reader;
        this.uploads = uploads;
    }

    /**
     * Reads, stores and scans the request's file.
     *
     * @throws ApiException 400 {@code missing-file} unless the request holds exactly one file (nothing is stored),
     *                      and what {@link UploadService#submit(Upload, String)} throws
     */
    ScanService.Created submitOne(HttpServletRequest request) {
        try (Upload upload = reader.read(request)) {
            if (upload.fileCount() != 1) {
                throw ApiException.badRequest("missing-file", "send exactly one file, as the multipart part 'file'"
                        + " (the request had " + upload.fileCount() + ")");
            }
            return uploads.submit(upload, Callers.current().username());
        }
    }
}
