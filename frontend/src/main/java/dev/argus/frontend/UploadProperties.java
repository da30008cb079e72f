package dev.argus.frontend;

import jakarta.validation.constraints.Min;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Upload limits and spooling ({@code argus.upload.*}).
 *
 * @param maxFileSize largest accepted file; checked while streaming, a larger one is refused with 413
 * @param maxFiles    most files per request (multipart parts, or hashes of a JSON rescan)
 * @param tempDir     where uploads are spooled while hashing; created at start-up, every file deleted after
 *                    its request. Default: {@code <java.io.tmpdir>/argus-frontend-uploads}
 */
@Validated
@ConfigurationProperties("argus.upload")
public record UploadProperties(
        @DefaultValue("256MB") DataSize maxFileSize,
        @Min(1) @DefaultValue("100") int maxFiles,
        Path tempDir) {

    public UploadProperties {
        if (maxFileSize == null || maxFileSize.toBytes() < 0) {
            throw new IllegalArgumentException("argus.upload.max-file-size must be 0 or more, e.g. 256MB");
        }
        if (tempDir == null) {
            tempDir = Path.of(System.getProperty("java.io.tmpdir"), "argus-frontend-uploads");
        }
    }
}
