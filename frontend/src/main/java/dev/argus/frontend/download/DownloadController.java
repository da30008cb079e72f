package dev.argus.frontend.download;

import dev.argus.common.store.FileNotInStoreException;
import dev.argus.common.store.FileStore;
import dev.argus.common.store.StoredContentMismatchException;
import dev.argus.frontend.UploadProperties;
import dev.argus.frontend.catalog.Hash;
import dev.argus.frontend.catalog.StoredFileRepository;
import dev.argus.frontend.security.Callers;
import dev.argus.frontend.web.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/files/{sha256}/download} (ADMIN): the stored file as an AES-encrypted zip, password
 * {@value EncryptedZip#PASSWORD}, whose single entry is named by the sha256, never by a user's file name. The file
 * is fetched from the store into a temp file first, so a store failure is still a 503 problem, then streamed.
 */
@RestController
class DownloadController {

    private static final Logger log = LoggerFactory.getLogger(DownloadController.class);

    private final StoredFileRepository files;
    private final FileStore store;
    private final Path tempDir;

    DownloadController(StoredFileRepository files, FileStore store, UploadProperties upload) {
        this.files = files;
        this.store = store;
        this.tempDir = upload.tempDir();
    }

    @GetMapping("/api/v1/files/{sha256}/download")
    void download(@PathVariable String sha256, HttpServletResponse response) throws IOException {
        String key = Hash.sha256(sha256, "sha256");
        if (files.findById(key).isEmpty()) {
            throw ApiException.notFound("file-not-found", "no file with sha256 " + key);
        }
        Path fetched;
        try {
            fetched = store.fetch(key, tempDir);
        } catch (FileNotInStoreException e) {
            throw ApiException.notFound("file-not-in-store", "the file with sha256 " + key
                    + " is known but no longer on the file store");
        } catch (StoredContentMismatchException e) {
            log.error("sha256 {} not downloaded: {}", key.substring(0, 12), e.getMessage());
            throw ApiException.conflict("file-store-mismatch", "the file store holds other content under sha256 "
                    + key + ", so it is not served");
        }
        try (InputStream in = Files.newInputStream(fetched)) {
            response.setContentType("application/zip");
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename(key + ".zip").build().toString());
            response.setHeader("X-Content-Type-Options", "nosniff");
            EncryptedZip.write(key, in, response.getOutputStream());
            log.info("sha256 {} downloaded by {}", key.substring(0, 12), Callers.current().username());
        } finally {
            Files.deleteIfExists(fetched);
        }
    }
}
