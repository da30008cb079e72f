package dev.argus.probe.engine.icap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ChunkedBodyTests {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ChunkedBody body = new ChunkedBody(out, 4);

    @Test
    void writesChunksOfAtMostTheChunkSizeThenTheLastChunk() throws IOException {
        long copied = body.copy(in("abcdefghij"), Long.MAX_VALUE);
        body.end(false);

        assertThat(copied).isEqualTo(10);
        assertThat(written()).isEqualTo("4\r\nabcd\r\n4\r\nefgh\r\n2\r\nij\r\n0\r\n\r\n");
    }

    @Test
    void aPreviewStopsAtItsSizeAndTheRestFollowsFromThere() throws IOException {
        InputStream content = in("abcdefghijklmnopqrst");

        long preview = body.copy(content, 6);
        body.end(false);
        String afterPreview = written();
        body.copy(content, Long.MAX_VALUE);
        body.end(false);

        assertThat(preview).isEqualTo(6);
        assertThat(afterPreview).isEqualTo("4\r\nabcd\r\n2\r\nef\r\n0\r\n\r\n");
        assertThat(written().substring(afterPreview.length()))
                .isEqualTo("4\r\nghij\r\n4\r\nklmn\r\n4\r\nopqr\r\n2\r\nst\r\n0\r\n\r\n");
    }

    @Test
    void aPreviewHoldingTheWholeContentEndsWithIeof() throws IOException {
        long copied = body.copy(in("abc"), 1024);
        body.end(true);

        assertThat(copied).isEqualTo(3);
        assertThat(written()).isEqualTo("3\r\nabc\r\n0; ieof\r\n\r\n");
    }

    @Test
    void emptyContentIsJustTheLastChunk() throws IOException {
        assertThat(body.copy(in(""), Long.MAX_VALUE)).isZero();
        body.end(false);

        assertThat(written()).isEqualTo("0\r\n\r\n");
    }

    @Test
    void chunkSizesAreHexadecimal() throws IOException {
        ChunkedBody big = new ChunkedBody(out, 300);
        big.copy(in("x".repeat(300)), Long.MAX_VALUE);

        assertThat(written()).startsWith("12c\r\nxxx");
    }

    @Test
    void contentThatCannotBeReadIsUncheckedSoItIsNotTakenForAConnectionFailure() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk gone");
            }
        };

        assertThatThrownBy(() -> body.copy(broken, Long.MAX_VALUE))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("disk gone");
    }

    private static InputStream in(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
    }

    private String written() {
        return out.toString(StandardCharsets.US_ASCII);
    }
}
