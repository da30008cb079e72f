package dev.argus.frontend;

import jakarta.validation.constraints.Min;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Upload limits and spooling ({@code argus.upload.*}).
 *
 * @param maxFileSize    largest accepted file; checked while streaming, a larger one is refused with 413
 * @param maxFiles       most files per request (multipart parts, or hashes of a JSON rescan)
 * @param tempDir        where uploads are spooled while hashing; created at start-up, every file deleted after
 *                       its request. Default: {@code <java.io.tmpdir>/argus-frontend-uploads}
 * @param maxRequestSize most bytes of one upload request body, all parts together; checked against the
 *                       {@code Content-Length} and while streaming, a larger request is refused with 413. Default:
 *                       4 × {@code max-file-size} + 1MB (room for the form fields and part headers)
 * @param minFreeDisk    free space the spool directory's file system must keep: below it an upload is refused with
 *                       503 before spooling, and spooling stops when free space falls below it mid-upload.
 *                       Default 100MB: the deployment spools to a 1 GB tmpfs, which a floor of 1GB refused whole
 * @param requestDeadline longest time one upload may take to send its body; past it the read is cut (408)
 * @param minRate        slowest accepted upload, in bytes per second averaged over the whole body, enforced once
 *                       the body has been sending for {@link #MIN_RATE_GRACE}; 0 turns the check off
 * @param maxJobsPerScan most (file, probe) pairs one scan may ask for, uploads and rescans alike; more is 413
 */
@Validated
@ConfigurationProperties("argus.upload")
public record UploadProperties(
        @DefaultValue("256MB") DataSize maxFileSize,
        @Min(1) @DefaultValue("100") int maxFiles,
        Path tempDir,
        DataSize maxRequestSize,
        @DefaultValue("100MB") DataSize minFreeDisk,
        @DefaultValue("10m") Duration requestDeadline,
        @DefaultValue("1KB") DataSize minRate,
        @Min(1) @DefaultValue("10000") int maxJobsPerScan) {

    /** How long a body may send below {@code min-rate} at its start (TCP slow start, a busy client). */
    public static final Duration MIN_RATE_GRACE = Duration.ofSeconds(30);

    public UploadProperties {
        if (maxFileSize == null || maxFileSize.toBytes() < 0) {
            throw new IllegalArgumentException("argus.upload.max-file-size must be 0 or more, e.g. 256MB");
        }
        if (tempDir == null) {
            tempDir = Path.of(System.getProperty("java.io.tmpdir"), "argus-frontend-uploads");
        }
        if (maxRequestSize == null) {
            maxRequestSize = DataSize.ofBytes(4 * maxFileSize.toBytes() + DataSize.ofMegabytes(1).toBytes());
        }
        if (maxRequestSize.toBytes() < 1) {
            throw new IllegalArgumentException("argus.upload.max-request-size must be positive, e.g. 1GB");
        }
        if (minFreeDisk == null || minFreeDisk.toBytes() < 0) {
            throw new IllegalArgumentException("argus.upload.min-free-disk must be 0 or more, e.g. 1GB");
        }
        if (requestDeadline == null || requestDeadline.isNegative() || requestDeadline.isZero()) {
            throw new IllegalArgumentException("argus.upload.request-deadline must be positive, e.g. 10m");
        }
        if (minRate == null || minRate.toBytes() < 0) {
            throw new IllegalArgumentException("argus.upload.min-rate must be 0 or more (bytes per second), e.g. 1KB");
        }
    }

}
