package dev.argus.common.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three FTP accounts of .ci/services.sh on the real vsftpd: the frontend's (argus) stores, the extraction
 * engine's (argus-extract, password from ARGUS_FTP_EXTRACT_PASSWORD) stores too, each into folders the other made,
 * the probes' (argus-probe, password from ARGUS_FTP_PROBE_PASSWORD) fetches the same files but can neither store,
 * delete, rename nor make a directory.
 */
class FtpAccountsIntegrationTests {

    private static final String HOST = env("ARGUS_FTP_HOST", "127.0.0.1");
    private static final int PORT = Integer.parseInt(env("ARGUS_FTP_PORT", "2121"));

    @TempDir
    Path temp;

    @Test
    void theProbeAccountReadsWhatTheFrontendStoredButCannotStoreOrDelete() throws Exception {
        byte[] content = ("ftp accounts " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        try (FtpFileStore frontend = store(env("ARGUS_FTP_USERNAME", "argus"), env("ARGUS_FTP_PASSWORD", "argus"));
             FtpFileStore probe = store("argus-probe", env("ARGUS_FTP_PROBE_PASSWORD", "argus-probe-ci"))) {
            frontend.store(sha256, new ByteArrayInputStream(content));

            assertThat(Files.readAllBytes(probe.fetch(sha256, temp))).isEqualTo(content);
            FTPClient client = login("argus-probe", env("ARGUS_FTP_PROBE_PASSWORD", "argus-probe-ci"));
            try {
                String path = StoreKeys.path(sha256);
                assertThat(client.storeFile(StoreKeys.directory(sha256) + "/forged",
                        new ByteArrayInputStream(new byte[] {1}))).as(client.getReplyString()).isFalse();
                assertThat(client.storeFile(path, new ByteArrayInputStream(new byte[] {1})))
                        .as(client.getReplyString()).isFalse();
                assertThat(client.deleteFile(path)).as(client.getReplyString()).isFalse();
                assertThat(client.rename(path, path + ".moved")).as(client.getReplyString()).isFalse();
                assertThat(client.makeDirectory("stolen-" + UUID.randomUUID())).as(client.getReplyString()).isFalse();
            } finally {
                client.disconnect();
            }
            assertThat(Files.readAllBytes(probe.fetch(sha256, temp))).isEqualTo(content);
            assertThat(frontend.delete(sha256)).isTrue();
        }
    }

    @Test
    void theFrontendAndTheExtractionAccountEachStoreIntoFoldersTheOtherMadeWhileTheProbeAccountOnlyReads()
            throws Exception {
        try (FtpFileStore frontend = store(env("ARGUS_FTP_USERNAME", "argus"), env("ARGUS_FTP_PASSWORD", "argus"));
             FtpFileStore extract = store("argus-extract", env("ARGUS_FTP_EXTRACT_PASSWORD", "argus-extract-ci"));
             FtpFileStore probe = store("argus-probe", env("ARGUS_FTP_PROBE_PASSWORD", "argus-probe-ci"))) {
            for (FtpFileStore[] order : new FtpFileStore[][] {{extract, frontend}, {frontend, extract}}) {
                String prefix = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))).substring(0, 4);
                byte[] first = unique();
                byte[] second = unique();
                String firstKey = keyWithPrefix(prefix, first);
                String secondKey = keyWithPrefix(prefix, second);
                order[0].store(firstKey, new ByteArrayInputStream(first));
                order[1].store(secondKey, new ByteArrayInputStream(second));
                assertThat(probe.exists(firstKey) && probe.exists(secondKey)).isTrue();
                FTPClient client = login("argus-probe", env("ARGUS_FTP_PROBE_PASSWORD", "argus-probe-ci"));
                try {
                    assertThat(client.storeFile(StoreKeys.directory(firstKey) + "/forged",
                            new ByteArrayInputStream(new byte[] {1}))).as(client.getReplyString()).isFalse();
                } finally {
                    client.disconnect();
                }
                assertThat(frontend.delete(firstKey)).isTrue();
                assertThat(frontend.delete(secondKey)).isTrue();
            }
        }
    }

    /**
     * A store key in the folder {@code prefix} (ab/cd of the first four hex digits): keys are the file store's
     * names, so a test may pick one whose folder does not exist yet, whatever the content.
     */
    private static String keyWithPrefix(String prefix, byte[] content) throws Exception {
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        return prefix + sha256.substring(4);
    }

    private static byte[] unique() {
        return ("ftp accounts " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    }

    private static FtpFileStore store(String username, String password) {
        return new FtpFileStore(new FtpSettings(HOST, PORT, username, password, 1, Duration.ofSeconds(10)));
    }

    private static FTPClient login(String username, String password) throws Exception {
        FTPClient client = new FTPClient();
        client.connect(HOST, PORT);
        assertThat(client.login(username, password)).as(client.getReplyString()).isTrue();
        client.enterLocalPassiveMode();
        client.setFileType(FTP.BINARY_FILE_TYPE);
        return client;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
