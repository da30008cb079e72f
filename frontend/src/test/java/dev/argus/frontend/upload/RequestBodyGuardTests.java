package dev.argus.frontend.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.argus.frontend.UploadProperties;
import dev.argus.frontend.web.ApiException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

/**
 * The request-wide limits while a body is spooled to a real temp directory, with the free space and the clock given
 * by the test so that "the disk fills mid-upload" and "the client is slow" need neither a full disk nor waiting.
 */
class RequestBodyGuardTests {

    private static final long MB = 1024 * 1024;

    @TempDir
    Path directory;

    private final AtomicLong freeBytes = new AtomicLong(10 * MB);
    private final AtomicLong now = new AtomicLong();

    @Test
    void stopsSpoolingWith503WhenFreeSpaceFallsBelowTheFloorMidUpload() throws IOException {
        RequestBodyGuard guard = guard(DataSize.ofMegabytes(100), DataSize.ofMegabytes(5), Duration.ofMinutes(10), 0);
        guard.admit(-1);
        InputStream body = new InputStream() { // 8 MB; the disk "fills" once 2 MB have been read
            private long sent;

            @Override
            public int read() {
                return sent++ < 8 * MB ? 0 : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (sent >= 8 * MB) {
                    return -1;
                }
                int n = (int) Math.min(length, 8 * MB - sent);
                sent += n;
                if (sent >= 2 * MB) {
                    freeBytes.set(4 * MB);
                }
                return n;
            }
        };

        assertThatThrownBy(() -> spooler().spool(guard.watch(body)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(e.slug()).isEqualTo("service-unavailable");
                    assertThat(e.retryAfter()).isPositive();
                });
        assertNoSpoolFiles();
    }

    @Test
    void refusesBeforeReadingWhenTheDiskIsAlreadyBelowTheFloor() {
        freeBytes.set(MB);
        RequestBodyGuard guard = guard(DataSize.ofMegabytes(100), DataSize.ofMegabytes(5), Duration.ofMinutes(10), 0);

        assertThatThrownBy(() -> guard.admit(10)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));
    }

    @Test
    void refusesAnAnnouncedLengthOverTheRequestLimitAndCutsAnUnannouncedOne() throws IOException {
        RequestBodyGuard guard = guard(DataSize.ofBytes(100), DataSize.ofBytes(0), Duration.ofMinutes(10), 0);

        assertThatThrownBy(() -> guard.admit(101)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.slug()).isEqualTo("request-too-large"));
        guard.admit(100);
        assertThat(spooler().spool(guard.watch(new ByteArrayInputStream(new byte[100]))).size()).isEqualTo(100);
        assertThatThrownBy(() -> spooler().spool(guard.watch(new ByteArrayInputStream(new byte[101]))))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
                    assertThat(e.properties()).containsEntry("maxRequestSize", 100L);
                });
    }

    @Test
    void cutsABodyStillArrivingAfterTheDeadline() {
        RequestBodyGuard guard = guard(DataSize.ofMegabytes(100), DataSize.ofBytes(0), Duration.ofSeconds(5), 0);
        InputStream body = guard.watch(slowBody(Duration.ofSeconds(1)));

        assertThatThrownBy(() -> spooler().spool(body)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(HttpStatus.REQUEST_TIMEOUT);
            assertThat(e.slug()).isEqualTo("request-timeout");
        });
        assertThat(now.get()).as("cut at the first read past 5 s").isEqualTo(Duration.ofSeconds(6).toNanos());
        assertNoSpoolFiles();
    }

    @Test
    void cutsABodySlowerThanTheMinimumRateOnceTheGracePeriodIsOver() {
        // 100 bytes per second against a floor of 1000 bytes per second, and a deadline far away
        RequestBodyGuard guard = guard(DataSize.ofMegabytes(100), DataSize.ofBytes(0), Duration.ofHours(1), 1000);
        InputStream body = guard.watch(slowBody(Duration.ofSeconds(1)));

        assertThatThrownBy(() -> spooler().spool(body)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.properties()).containsEntry("minRate", 1000L));
        assertThat(now.get()).isGreaterThan(UploadProperties.MIN_RATE_GRACE.toNanos())
                .isLessThanOrEqualTo(UploadProperties.MIN_RATE_GRACE.plusSeconds(1).toNanos());
        assertNoSpoolFiles();
    }

    /** 100 bytes per read, endlessly, the test clock advancing {@code step} before each read returns. */
    private InputStream slowBody(Duration step) {
        return new InputStream() {
            @Override
            public int read() {
                now.addAndGet(step.toNanos());
                return 0;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                now.addAndGet(step.toNanos());
                return Math.min(100, length);
            }
        };
    }

    private RequestBodyGuard guard(DataSize maxRequest, DataSize minFree, Duration deadline, long minRate) {
        UploadProperties properties = new UploadProperties(DataSize.ofGigabytes(1), 100, directory, maxRequest,
                minFree, deadline, DataSize.ofBytes(minRate), 10_000);
        return new RequestBodyGuard(properties, freeBytes::get, now::get);
    }

    private HashingSpooler spooler() {
        return new HashingSpooler(directory, Long.MAX_VALUE);
    }

    private void assertNoSpoolFiles() {
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files).isEmpty();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
