package dev.argus.frontend.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HashingSpoolerTests {

    private static final byte[] EICAR = ("X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*")
            .getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path directory;

    @Test
    void spoolsToTempFileAndComputesAllThreeHashes() throws IOException {
        SpooledFile file = new HashingSpooler(directory, 1024).spool(new ByteArrayInputStream(EICAR));

        assertThat(file.size()).isEqualTo(68);
        assertThat(file.md5()).isEqualTo("44d88612fea8a8f36de82e1278abb02f");
        assertThat(file.sha1()).isEqualTo("3395856ce81f2b7382dee72602f798b642f14140");
        assertThat(file.sha256()).isEqualTo("275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f");
        assertThat(file.path().getParent()).isEqualTo(directory);
        assertThat(Files.readAllBytes(file.path())).isEqualTo(EICAR);
    }

    @Test
    void spoolsEmptyStream() {
        SpooledFile file = new HashingSpooler(directory, 1024).spool(InputStream.nullInputStream());

        assertThat(file.size()).isZero();
        assertThat(file.sha256()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(file.path()).exists();
    }

    @Test
    void acceptsFileOfExactlyTheLimit() {
        SpooledFile file = new HashingSpooler(directory, EICAR.length).spool(new ByteArrayInputStream(EICAR));

        assertThat(file.size()).isEqualTo(EICAR.length);
    }

    @Test
    void stopsReadingPastTheLimitAndDeletesTheTempFile() throws IOException {
        CountingEndlessStream endless = new CountingEndlessStream();

        assertThatThrownBy(() -> new HashingSpooler(directory, 1000).spool(endless))
                .isInstanceOfSatisfying(FileTooLargeException.class, e -> assertThat(e.limit()).isEqualTo(1000));
        assertThat(endless.read).isLessThanOrEqualTo(1000 + 64 * 1024);
        try (var files = Files.list(directory)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void reportsReadFailureAsRequestProblemAndDeletesTheTempFile() throws IOException {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };

        assertThatThrownBy(() -> new HashingSpooler(directory, 1000).spool(broken))
                .isInstanceOf(RequestReadException.class);
        try (var files = Files.list(directory)) {
            assertThat(files).isEmpty();
        }
    }

    /** An endless stream of zeros counting what was read from it. */
    private static final class CountingEndlessStream extends InputStream {
        long read;

        @Override
        public int read() {
            read++;
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            read += len;
            return len;
        }
    }
}
