package dev.argus.probe.engine.clamav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.argus.probe.spi.EngineException;
import dev.argus.probe.spi.TerminalEngineException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * The INSTREAM edge that the local clamd cannot show cheaply (its StreamMaxLength is 300 MB): a server that
 * answers like clamd does when it refuses a stream, i.e. replies and closes while the client is still writing.
 */
class ClamdInStreamTests {

    @TempDir
    Path dir;

    private ServerSocket server;

    @AfterEach
    void close() throws IOException {
        server.close();
    }

    @Test
    void streamRefusedMidwayIsATerminalFailureWithClamdsAnswer() throws Exception {
        server = new ServerSocket(0);
        CompletableFuture<Void> clamd = refuseAfter(64 * 1024, "INSTREAM size limit exceeded. ERROR\0");
        Path big = Files.write(dir.resolve("big.bin"), new byte[16 * 1024 * 1024]);

        assertThatThrownBy(() -> engine().scan(big))
                .isInstanceOf(TerminalEngineException.class)
                .hasMessage("clamd refused the file: INSTREAM size limit exceeded.");
        clamd.join();
    }

    @Test
    void connectionDroppedWithoutAnswerIsARetryableFailure() throws Exception {
        server = new ServerSocket(0);
        CompletableFuture<Void> clamd = refuseAfter(64 * 1024, "");
        Path big = Files.write(dir.resolve("big.bin"), new byte[16 * 1024 * 1024]);

        assertThatThrownBy(() -> engine().scan(big))
                .isInstanceOf(EngineException.class)
                .isNotInstanceOf(TerminalEngineException.class)
                .hasMessageContaining("clamd at 127.0.0.1:" + server.getLocalPort() + " failed");
        clamd.join();
    }

    private ClamavEngine engine() {
        return new ClamavEngine(new ClamavProperties("127.0.0.1", server.getLocalPort(), Duration.ofSeconds(2),
                Duration.ofSeconds(10), DataSize.ofKilobytes(16), dir));
    }

    /** Reads the command and some data, answers, and closes with unread data pending (as clamd does). */
    private CompletableFuture<Void> refuseAfter(int bytes, String answer) {
        return CompletableFuture.runAsync(() -> {
            try (Socket socket = server.accept()) {
                InputStream in = socket.getInputStream();
                in.readNBytes(bytes);
                OutputStream out = socket.getOutputStream();
                out.write(answer.getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
    }
}
