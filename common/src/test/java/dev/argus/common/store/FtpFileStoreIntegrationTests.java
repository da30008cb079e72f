package dev.argus.common.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs against the FTP server of the test environment (vsftpd from .ci/services.sh), or the one named by
 * ARGUS_FTP_HOST / ARGUS_FTP_PORT / ARGUS_FTP_USERNAME / ARGUS_FTP_PASSWORD.
 */
class FtpFileStoreIntegrationTests {

    private static final int POOL_SIZE = 2;

    @TempDir
    Path temp;

    private FtpFileStore store;

    @BeforeEach
    void connect() {
        store = new FtpFileStore(new FtpSettings(
                env("ARGUS_FTP_HOST", "127.0.0.1"), Integer.parseInt(env("ARGUS_FTP_PORT", "2121")),
                env("ARGUS_FTP_USERNAME", "argus"), env("ARGUS_FTP_PASSWORD", "argus"),
                POOL_SIZE, Duration.ofSeconds(10)));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void storesFetchesAndDeletesAFileByItsSha256() throws Exception {
        byte[] content = randomBytes(300_000, 1);
        String sha256 = sha256(content);

        store.store(sha256, new ByteArrayInputStream(content));

        assertThat(store.exists(sha256)).isTrue();
        Path fetched = store.fetch(sha256, temp);
        assertThat(fetched.getParent()).isEqualTo(temp);
        assertThat(Files.readAllBytes(fetched)).isEqualTo(content);

        assertThat(store.delete(sha256)).isTrue();
        assertThat(store.exists(sha256)).isFalse();
        assertThat(store.delete(sha256)).isFalse();
    }

    @Test
    void storesAnEmptyFile() throws Exception {
        String sha256 = sha256(new byte[0]);

        store.store(sha256, new ByteArrayInputStream(new byte[0]));

        assertThat(Files.size(store.fetch(sha256, temp))).isZero();
    }

    @Test
    void fetchOfAFileWhoseContentIsNotItsSha256FailsAndLeavesNoTempFile() throws Exception {
        String sha256 = sha256(randomBytes(1_000, 3));
        store.store(sha256, new ByteArrayInputStream(randomBytes(1_000, 4)));

        assertThatThrownBy(() -> store.fetch(sha256, temp)).isInstanceOf(StoredContentMismatchException.class)
                .hasMessageContaining(StoredContentMismatchException.MESSAGE);
        try (var files = Files.list(temp)) {
            assertThat(files).isEmpty();
        }
        store.delete(sha256);
    }

    @Test
    void fetchOfAMissingFileIsATerminalNotFoundAndLeavesNoTempFile() throws Exception {
        String missing = sha256(randomBytes(10, 2));

        assertThatThrownBy(() -> store.fetch(missing, temp)).isInstanceOf(FileNotInStoreException.class);
        try (var files = Files.list(temp)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void reusesLoggedInConnectionsAcrossManyConcurrentFiles() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> stored = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                byte[] content = randomBytes(1000 + i, 100 + i);
                stored.add(pool.submit(() -> {
                    String sha256 = sha256(content);
                    store.store(sha256, new ByteArrayInputStream(content));
                    return sha256;
                }));
            }
            for (Future<String> each : stored) {
                assertThat(store.exists(each.get())).isTrue();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(store.logins()).isLessThanOrEqualTo(POOL_SIZE);
    }

    @Test
    void recoversWhenThePooledConnectionWasDroppedByTheServer() throws Exception {
        byte[] content = randomBytes(5000, 3);
        String sha256 = sha256(content);
        store.store(sha256, new ByteArrayInputStream(content));
        long before = store.logins();

        store.pool.quitIdleConnections();

        assertThat(store.exists(sha256)).isTrue();
        assertThat(store.logins()).isGreaterThan(before);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed ^ System.nanoTime()).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
