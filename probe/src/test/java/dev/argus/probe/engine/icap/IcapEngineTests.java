package dev.argus.probe.engine.icap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.argus.common.message.Category;
import dev.argus.probe.engine.icap.ScriptedIcapServer.Peer;
import dev.argus.probe.spi.EngineException;
import dev.argus.probe.spi.EngineVersions;
import dev.argus.probe.spi.ScanOutcome;
import dev.argus.probe.spi.TerminalEngineException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole client over real sockets, against a scripted stand-in server: bytes sent and answers handled. */
class IcapEngineTests {

    @TempDir
    Path dir;

    private ScriptedIcapServer server;

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedIcapServer();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void sendsThePreviewThenTheRestAfter100ContinueAndTakes204AsUndetected() throws Exception {
        String content = "0123456789".repeat(300);
        Path file = Files.writeString(dir.resolve("clean.txt"), content);
        AtomicReference<String> head = new AtomicReference<>();
        AtomicReference<String> preview = new AtomicReference<>();
        AtomicReference<String> rest = new AtomicReference<>();
        CompletableFuture<Void> played = server.serve(IcapEngineTests::options, peer -> {
            head.set(readRequestHead(peer));
            preview.set(peer.readChunks());
            peer.send(IcapFixtures.CONTINUE);
            rest.set(peer.readChunks());
            peer.send(IcapFixtures.UNMODIFIED);
        });

        ScanOutcome outcome = engine(IcapFixtures.properties(server.port())).scan(file);
        played.join();

        assertThat(outcome.category()).isEqualTo(Category.UNDETECTED);
        assertThat(outcome.versions().signatureVersion()).isEqualTo(IcapFixtures.ISTAG);
        assertThat(head.get()).startsWith("RESPMOD icap://127.0.0.1:" + server.port() + "/virus_scan ICAP/1.0\r\n")
                .contains("Preview: 1024\r\n", "Allow: 204\r\n");
        assertThat(preview.get()).isEqualTo("400\r\n" + content.substring(0, 1024) + "\r\n0\r\n\r\n");
        assertThat(rest.get()).isEqualTo(Integer.toHexString(content.length() - 1024) + "\r\n"
                + content.substring(1024) + "\r\n0\r\n\r\n");
    }

    @Test
    void aPreviewHoldingTheWholeFileEndsWithIeofAndAVirusAnswerSplitInSmallPiecesIsMalicious() throws Exception {
        Path eicar = Files.writeString(dir.resolve("eicar.com"), IcapFixtures.EICAR);
        AtomicReference<String> head = new AtomicReference<>();
        AtomicReference<String> body = new AtomicReference<>();
        CompletableFuture<Void> played = server.serve(IcapEngineTests::options, peer -> {
            head.set(readRequestHead(peer));
            body.set(peer.readChunks());
            peer.sendInPieces(IcapFixtures.VIRUS_FOUND, 7);
        });

        ScanOutcome outcome = engine(IcapFixtures.properties(server.port())).scan(eicar);
        played.join();

        assertThat(outcome.category()).isEqualTo(Category.MALICIOUS);
        assertThat(outcome.threat()).isEqualTo("Eicar-Test-Signature-Body.UNOFFICIAL");
        assertThat(head.get()).contains("Preview: 68\r\n");
        assertThat(body.get()).isEqualTo("44\r\n" + IcapFixtures.EICAR + "\r\n0; ieof\r\n\r\n");
    }

    @Test
    void answer204ToThePreviewEndsTheExchangeWithoutSendingTheRest() throws Exception {
        Path file = Files.write(dir.resolve("big.bin"), new byte[100_000]);
        AtomicReference<Long> afterPreview = new AtomicReference<>();
        CompletableFuture<Void> played = server.serve(IcapEngineTests::options, peer -> {
            readRequestHead(peer);
            peer.readChunks();
            peer.send(IcapFixtures.UNMODIFIED);
            afterPreview.set(peer.drain());
        });

        assertThat(engine(IcapFixtures.properties(server.port())).scan(file).category())
                .isEqualTo(Category.UNDETECTED);
        played.join();
        assertThat(afterPreview.get()).isZero();
    }

    @Test
    void withoutPreviewOfferTheWholeFileGoesAtOnce() throws Exception {
        Path file = Files.writeString(dir.resolve("eicar.com"), IcapFixtures.EICAR);
        AtomicReference<String> head = new AtomicReference<>();
        AtomicReference<String> body = new AtomicReference<>();
        CompletableFuture<Void> played = server.serve(
                peer -> options(peer, "ICAP/1.0 200 OK\r\nMethods: RESPMOD\r\nISTag: \"7\"\r\n"
                        + "Encapsulated: null-body=0\r\n\r\n"),
                peer -> {
                    head.set(readRequestHead(peer));
                    body.set(peer.readChunks());
                    peer.send(IcapFixtures.VIRUS_FOUND);
                });

        assertThat(engine(IcapFixtures.properties(server.port())).scan(file).category())
                .isEqualTo(Category.MALICIOUS);
        played.join();
        assertThat(head.get()).doesNotContain("Preview");
        assertThat(body.get()).isEqualTo("44\r\n" + IcapFixtures.EICAR + "\r\n0\r\n\r\n");
    }

    @Test
    void withoutAllow204AnEchoOfTheUnchangedFileIsUndetected() throws Exception {
        String content = "hello icap, clean content\n";
        Path file = Files.writeString(dir.resolve("clean.txt"), content);
        AtomicReference<String> head = new AtomicReference<>();
        CompletableFuture<Void> played = server.serve(IcapEngineTests::options, peer -> {
            head.set(readRequestHead(peer));
            peer.readChunks();
            peer.send(IcapFixtures.echo(content));
        });

        ScanOutcome outcome = engine(IcapFixtures.properties(server.port(), Duration.ofSeconds(5), true, false,
                false)).scan(file);
        played.join();

        assertThat(outcome.category()).isEqualTo(Category.UNDETECTED);
        assertThat(head.get()).doesNotContain("Allow:");
    }

    @Test
    void anAnswerSentWhileTheFileIsStillUploadingIsStillRead() throws Exception {
        Path file = Files.write(dir.resolve("big.bin"), new byte[16 * 1024 * 1024]);
        CompletableFuture<Void> played = server.serve(IcapEngineTests::optionsWithoutPreview, peer -> {
            readRequestHead(peer);
            peer.readBytes(64 * 1024);
            peer.send(IcapFixtures.SERVER_ERROR);
        });

        assertThatThrownBy(() -> engine(IcapFixtures.properties(server.port())).scan(file))
                .isInstanceOf(EngineException.class).isNotInstanceOf(TerminalEngineException.class)
                .hasMessage("the ICAP service icap://127.0.0.1:" + server.port() + "/virus_scan failed: 500 Server error");
        played.join();
    }

    @Test
    void aMalformedAnswerIsATerminalFailureWithAReadableError() throws Exception {
        Path file = Files.writeString(dir.resolve("f.txt"), "x");
        server.serve(IcapEngineTests::options, peer -> {
            readRequestHead(peer);
            peer.readChunks();
            peer.send("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
        });

        assertThatThrownBy(() -> engine(IcapFixtures.properties(server.port())).scan(file))
                .isInstanceOf(TerminalEngineException.class)
                .hasMessage("the ICAP service icap://127.0.0.1:" + server.port() + "/virus_scan answered with a"
                        + " malformed message: the answer does not start with an ICAP status line:"
                        + " 'HTTP/1.1 400 Bad Request'");
    }

    @Test
    void a100ContinueAfterTheWholeFileIsATerminalFailure() throws Exception {
        Path file = Files.writeString(dir.resolve("f.txt"), "x");
        server.serve(IcapEngineTests::options, peer -> {
            readRequestHead(peer);
            peer.readChunks();
            peer.send(IcapFixtures.CONTINUE);
        });

        assertThatThrownBy(() -> engine(IcapFixtures.properties(server.port())).scan(file))
                .isInstanceOf(TerminalEngineException.class)
                .hasMessageEndingWith("100 Continue although the preview held the whole file (ieof)");
    }

    @Test
    void aConnectionClosedWithoutAnswerIsARetryableFailure() throws Exception {
        Path file = Files.writeString(dir.resolve("f.txt"), "x");
        server.serve(IcapEngineTests::options, peer -> {
            readRequestHead(peer);
            peer.readChunks();
        });

        assertThatThrownBy(() -> engine(IcapFixtures.properties(server.port())).scan(file))
                .isInstanceOf(EngineException.class).isNotInstanceOf(TerminalEngineException.class)
                .hasMessageEndingWith("failed: the ICAP server closed the connection without an answer");
    }

    @Test
    void noAnswerWithinTheScanTimeoutIsARetryableFailure() throws Exception {
        Path file = Files.writeString(dir.resolve("f.txt"), "x");
        server.serve(IcapEngineTests::options, peer -> {
            readRequestHead(peer);
            peer.readChunks();
            peer.drain();
        });

        assertThatThrownBy(() -> engine(IcapFixtures.properties(server.port(), Duration.ofMillis(300), true, true,
                false)).scan(file))
                .isInstanceOf(EngineException.class).isNotInstanceOf(TerminalEngineException.class)
                .hasMessageEndingWith("did not answer within 300 ms");
    }

    @Test
    void anInterruptStopsAWaitingScanAtOnce() throws Exception {
        Path file = Files.writeString(dir.resolve("f.txt"), "x");
        server.serve(IcapEngineTests::options, peer -> {
            readRequestHead(peer);
            peer.readChunks();
            peer.drain();
        });
        IcapEngine engine = engine(IcapFixtures.properties(server.port(), Duration.ofSeconds(30), true, true, false));
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread scanning = Thread.ofPlatform().start(() -> {
            try {
                engine.scan(file);
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> server.peers().size() == 2
                && server.peers().get(1).received().endsWith("0; ieof\r\n\r\n"));

        scanning.interrupt();

        await().atMost(Duration.ofSeconds(2)).until(() -> !scanning.isAlive());
        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
    }

    @Test
    void refreshVersionsTakesTheServiceProductAndTheIstag() throws Exception {
        server.serve(IcapEngineTests::options);
        IcapEngine engine = engine(IcapFixtures.properties(server.port()));

        EngineVersions versions = engine.refreshVersions();

        assertThat(versions).isEqualTo(new EngineVersions("C-ICAP/0.5.10", IcapFixtures.ISTAG));
        assertThat(engine.versions()).isEqualTo(versions);
    }

    @Test
    void verifyFailsWhenTheServiceIsUnknown() {
        server.serve(peer -> options(peer, IcapFixtures.SERVICE_NOT_FOUND));

        assertThatThrownBy(() -> engine(IcapFixtures.properties(server.port())).verify())
                .isInstanceOf(EngineException.class)
                .hasMessage("the ICAP service icap://127.0.0.1:" + server.port()
                        + "/virus_scan answered OPTIONS with 404 Service not found");
    }

    @Test
    void verifyFailsWhenTheServiceDoesNotOfferRespmod() {
        server.serve(peer -> options(peer, "ICAP/1.0 200 OK\r\nMethods: REQMOD\r\nEncapsulated: null-body=0\r\n\r\n"));

        assertThatThrownBy(() -> engine(IcapFixtures.properties(server.port())).verify())
                .isInstanceOf(EngineException.class)
                .hasMessageEndingWith("does not offer RESPMOD (its Methods: REQMOD)");
    }

    @Test
    void verifyFailsWhenTheSelfTestFindsEicarUndetected() {
        server.serve(IcapEngineTests::options, peer -> {
            readRequestHead(peer);
            peer.readChunks();
            peer.send(IcapFixtures.UNMODIFIED);
        });

        assertThatThrownBy(() -> engine(IcapFixtures.properties(server.port(), Duration.ofSeconds(5), true, true,
                true)).verify())
                .isInstanceOf(EngineException.class)
                .hasMessageStartingWith("EICAR self-test failed: the ICAP service icap://127.0.0.1:" + server.port()
                        + "/virus_scan answered undetected");
    }

    @Test
    void verifyPassesWhenTheSelfTestFindsEicar() throws Exception {
        CompletableFuture<Void> played = server.serve(IcapEngineTests::options, peer -> {
            readRequestHead(peer);
            peer.readChunks();
            peer.send(IcapFixtures.VIRUS_FOUND);
        });

        engine(IcapFixtures.properties(server.port(), Duration.ofSeconds(5), true, true, true)).verify();
        played.join();

        assertThat(server.peers().get(1).received()).contains("\r\n" + IcapFixtures.EICAR + "\r\n0; ieof\r\n\r\n");
    }

    @Test
    void theSelfTestStringIsEicar() throws Exception {
        byte[] md5 = MessageDigest.getInstance("MD5").digest(IcapEngine.eicar());

        assertThat(HexFormat.of().formatHex(md5)).isEqualTo("44d88612fea8a8f36de82e1278abb02f");
        assertThat(new String(IcapEngine.eicar(), StandardCharsets.US_ASCII)).isEqualTo(IcapFixtures.EICAR);
    }

    private static IcapEngine engine(IcapProperties properties) {
        return new IcapEngine(properties);
    }

    private static void options(Peer peer) throws Exception {
        options(peer, IcapFixtures.OPTIONS);
    }

    private static void optionsWithoutPreview(Peer peer) throws Exception {
        options(peer, IcapFixtures.OPTIONS.replace("Preview: 1024\r\n", ""));
    }

    private static void options(Peer peer, String answer) throws Exception {
        assertThat(peer.readHeaderBlock()).startsWith("OPTIONS ");
        peer.send(answer);
    }

    /** The ICAP header and the two encapsulated HTTP heads; returns the ICAP header. */
    private static String readRequestHead(Peer peer) throws Exception {
        String icap = peer.readHeaderBlock();
        peer.readHeaderBlock();
        peer.readHeaderBlock();
        return icap;
    }
}
