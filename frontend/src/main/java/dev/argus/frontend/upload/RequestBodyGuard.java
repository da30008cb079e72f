package dev.argus.frontend.upload;

import dev.argus.frontend.UploadProperties;
import dev.argus.frontend.web.ApiException;
import dev.argus.frontend.web.DataSizes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.springframework.util.unit.DataSize;

/**
 * The request-wide limits of an upload, enforced while its body streams in, before and while anything is spooled:
 * the bytes of the whole request ({@code argus.upload.max-request-size}, 413 {@code request-too-large}), the free
 * space the spool directory's file system keeps ({@code argus.upload.min-free-disk}, 503 {@code service-unavailable}
 * with {@code Retry-After}), and the time the body may take ({@code argus.upload.request-deadline} and
 * {@code argus.upload.min-rate}, 408 {@code request-timeout}). A limit is checked each time a read returns, so a
 * client that sends nothing at all is cut by the server's own read timeout instead.
 */
final class RequestBodyGuard {

    /** How often, in bytes read, the free space is looked at again while spooling. */
    static final long FREE_SPACE_CHECK_BYTES = 1024 * 1024;
    static final Duration RETRY_AFTER = Duration.ofSeconds(60);

    private final long maxRequestBytes;
    private final long minFreeBytes;
    private final long deadlineNanos;
    private final long minRateBytesPerSecond;
    private final long graceNanos;
    private final DataSize maxRequestSize;
    private final Duration deadline;
    private final LongSupplier freeSpace;
    private final LongSupplier nanoClock;

    RequestBodyGuard(UploadProperties properties, Path spoolDirectory) {
        this(properties, () -> spoolDirectory.toFile().getUsableSpace(), System::nanoTime);
    }

    /**
     * @param freeSpace the usable bytes of the spool directory's file system
     * @param nanoClock a monotonic clock in nanoseconds
     */
    RequestBodyGuard(UploadProperties properties, LongSupplier freeSpace, LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.maxRequestSize = properties.maxRequestSize();
        this.maxRequestBytes = properties.maxRequestSize().toBytes();
        this.minFreeBytes = properties.minFreeDisk().toBytes();
        this.deadline = properties.requestDeadline();
        this.deadlineNanos = properties.requestDeadline().toNanos();
        this.minRateBytesPerSecond = properties.minRate().toBytes();
        this.graceNanos = UploadProperties.MIN_RATE_GRACE.toNanos();
        this.freeSpace = freeSpace;
    }

    /**
     * Refuses a request before its body is read: one that announces more bytes than the request limit, or one that
     * arrives when the spool directory's file system is below its free-space floor.
     *
     * @param declaredLength the {@code Content-Length}, or -1 when the body is chunked
     */
    void admit(long declaredLength) {
        if (declaredLength > maxRequestBytes) {
            throw tooLarge();
        }
        checkFreeSpace();
    }

    /** Wraps a request body so that every read enforces the limits; the clock starts now. */
    InputStream watch(InputStream body) {
        return new WatchedBody(body, nanoClock.getAsLong());
    }

    private void checkFreeSpace() {
        if (minFreeBytes > 0 && freeSpace.getAsLong() < minFreeBytes) {
            throw ApiException.unavailable("service-unavailable",
                    "the upload spool is low on disk space; try again later", RETRY_AFTER);
        }
    }

    private ApiException tooLarge() {
        return ApiException.contentTooLarge("request-too-large", "the request is larger than the limit of "
                + DataSizes.describe(maxRequestSize) + " for one upload, all files together")
                .with("maxRequestSize", maxRequestBytes);
    }

    private final class WatchedBody extends InputStream {

        private final InputStream body;
        private final long start;
        private long bytes;
        private long nextFreeSpaceCheck = FREE_SPACE_CHECK_BYTES;

        WatchedBody(InputStream body, long start) {
            this.body = body;
            this.start = start;
        }

        @Override
        public int read() throws IOException {
            int b = body.read();
            counted(b < 0 ? -1 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = body.read(buffer, offset, length);
            counted(read);
            return read;
        }

        private void counted(int read) {
            long elapsed = nanoClock.getAsLong() - start;
            if (elapsed > deadlineNanos) {
                throw ApiException.requestTimeout("request-timeout", "the request body was not received within "
                        + deadline.toSeconds() + " seconds").with("requestDeadlineSeconds", deadline.toSeconds());
            }
            if (read < 0) {
                return;
            }
            bytes += read;
            if (bytes > maxRequestBytes) {
                throw tooLarge();
            }
            if (minRateBytesPerSecond > 0 && elapsed > graceNanos
                    && bytes * 1_000_000_000.0 / elapsed < minRateBytesPerSecond) {
                throw ApiException.requestTimeout("request-timeout", "the request body arrives slower than "
                        + minRateBytesPerSecond + " bytes per second").with("minRate", minRateBytesPerSecond);
            }
            if (bytes >= nextFreeSpaceCheck) {
                nextFreeSpaceCheck = bytes + FREE_SPACE_CHECK_BYTES;
                checkFreeSpace();
            }
        }

        @Override
        public int available() throws IOException {
            return body.available();
        }

        @Override
        public void close() throws IOException {
            body.close();
        }
    }
}
