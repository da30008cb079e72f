package dev.argus.frontend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.argus.common.amqp.Topology;
import dev.argus.common.message.Category;
import dev.argus.common.message.ScanFile;
import dev.argus.common.message.ScanRequested;
import dev.argus.frontend.frontdoor.clamd.ClamdFrontDoor;
import dev.argus.frontend.web.ApiException;
import dev.argus.messaging.MessagePublisher;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import xyz.capybara.clamav.ClamavClient;
import xyz.capybara.clamav.commands.scan.result.ScanResult;

/**
 * The clamd front door on a free port, against real PostgreSQL, RabbitMQ and FTP: the test plays the brain and the
 * clamav probe (it answers each {@code ScanRequested} with the category it was told for the file's sha256, as the
 * probe publishes it). Raw protocol (the z/n/legacy forms, sessions, odd chunk framing, the stream limit, unknown
 * commands, the allow-list, silent clients, the connection limit) and the three real clients: Debian's
 * {@code clamdscan --stream}, Debian's python3-pyclamd and the clamav-client Java library.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "argus.frontdoor.clamd.port=0",
        "argus.frontdoor.clamd.username=admin",
        "argus.frontdoor.clamd.probes=clamav",
        "argus.frontdoor.clamd.stream-max-length=4KB",
        "argus.frontdoor.clamd.timeout=6s",
        "argus.frontdoor.clamd.read-timeout=2s",
        "argus.frontdoor.clamd.max-connections=3",
        "argus.frontdoor.clamd.allowed-clients=127.0.0.1/32, ::1"})
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class ClamdFrontDoorIntegrationTests {

    static final String CLAMAV = "clamav";
    static final byte[] EICAR = AbstractFrontendIntegrationTests.EICAR.getBytes(StandardCharsets.US_ASCII);

    @Autowired
    ClamdFrontDoor frontDoor;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RabbitTemplate rabbit;
    @Autowired
    AmqpAdmin amqpAdmin;
    @Autowired
    MessagePublisher publisher;
    @Autowired
    dev.argus.frontend.probe.ProbeDirectory probeDirectory;
    @Autowired
    MeterRegistry meters;

    /** What the playing probe answers, by sha256: a category and a threat name; no entry, no answer. */
    final Map<String, Answer> answers = new ConcurrentHashMap<>();
    final List<UUID> requested = new java.util.concurrent.CopyOnWriteArrayList<>();
    Thread brain;
    volatile boolean playing;

    record Answer(Category category, String threat) {
    }

    @BeforeEach
    void playTheBrainAndTheProbe() {
        amqpAdmin.purgeQueue(Topology.SCANS_QUEUE, false);
        TestFixtures.markProbeOnline(jdbc, CLAMAV);
        await().until(() -> {
            try {
                return probeDirectory.resolve(List.of(CLAMAV)).equals(List.of(CLAMAV));
            } catch (ApiException e) {
                return false;
            }
        });
        answers.put(AbstractFrontendIntegrationTests.EICAR_SHA256,
                new Answer(Category.MALICIOUS, "Eicar-Test-Signature"));
        playing = true;
        brain = Thread.ofPlatform().name("test-brain").start(() -> {
            while (playing) {
                Object message = rabbit.receiveAndConvert(Topology.SCANS_QUEUE, 200);
                if (message instanceof ScanRequested scan) {
                    requested.add(scan.scanId());
                    for (ScanFile file : scan.files()) {
                        Answer answer = answers.get(file.sha256());
                        if (answer != null) {
                            ResultMessages.publishFromProbe(publisher, CLAMAV, ResultMessages.answer(scan.scanId(),
                                    file.sha256(), CLAMAV, answer.category(), answer.threat()));
                        }
                    }
                }
            }
        });
    }

    @AfterEach
    void stopPlaying() throws InterruptedException {
        playing = false;
        brain.join();
    }

    @Test
    void listensOnTheFreePortItPickedAndAnswersPingAndVersionInEveryForm() {
        assertThat(frontDoor.port()).isPositive();

        assertThat(talk("zPING\0")).isEqualTo("PONG\0");
        assertThat(talk("nPING\n")).isEqualTo("PONG\n");
        assertThat(talk("PING\n")).isEqualTo("PONG\n");
        assertThat(talkAndHangUp("PING")).as("a command cut short by the end of the client's output")
                .isEqualTo("PONG\n");
        assertThat(talk("zVERSION\0")).matches("Argus [^\\n\\x00]+/clamd-protocol\0");
        assertThat(talk("nVERSION\n")).startsWith("Argus ").endsWith("\n");
        assertThat(talk("nVERSIONCOMMANDS\n")).matches("Argus .*\\| COMMANDS: .*INSTREAM.*\n");
    }

    @Test
    void answersUnknownCommandsAndClosesTheConnection() {
        assertThat(talk("zFOO\0zPING\0")).isEqualTo("UNKNOWN COMMAND\0");
        assertThat(talk("nSCAN /etc/passwd\n")).isEqualTo("UNKNOWN COMMAND\n");
        assertThat(talk("nEND\n")).isEqualTo("UNKNOWN COMMAND\n");
        assertThat(talk("n" + "A".repeat(5000) + "\n")).isEqualTo("UNKNOWN COMMAND\n");
        assertThat(talk("nIDSESSION\nnPING\nnFOO\nnPING\n"))
                .isEqualTo("1: PONG\n2: Command invalid inside IDSESSION. ERROR\n");
    }

    @Test
    void answersSeveralCommandsInASessionNumberedAsClamdDoes() {
        byte[] clean = uniqueContent();
        answers.put(sha256(clean), new Answer(Category.UNDETECTED, null));
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(ascii("zIDSESSION\0zPING\0zVERSION\0zINSTREAM\0"));
        request.writeBytes(chunks(clean, 7));
        request.writeBytes(ascii("zINSTREAM\0"));
        request.writeBytes(chunks(EICAR, 30));
        request.writeBytes(ascii("zPING\0zEND\0"));

        String answer = talk(request.toByteArray());

        assertThat(answer.split("\0")).containsExactly("1: PONG", answer.split("\0")[1], "3: stream: OK",
                "4: stream: Argus.clamav.Eicar-Test-Signature FOUND", "5: PONG");
        assertThat(answer.split("\0")[1]).startsWith("2: Argus ");
    }

    @Test
    void readsChunksAndCommandsSplitAcrossPacketsAnywhere() throws Exception {
        byte[] content = new byte[3000];
        new java.util.Random().nextBytes(content);
        answers.put(sha256(content), new Answer(Category.UNDETECTED, null));
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(ascii("nINSTREAM\n"));
        request.writeBytes(chunk(content, 0, 1));
        request.writeBytes(chunk(content, 1, 3));
        request.writeBytes(chunk(content, 4, 2000));
        request.writeBytes(chunk(content, 2004, 996));
        request.writeBytes(new byte[4]);
        byte[] bytes = request.toByteArray();

        try (Socket socket = connect()) {
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            int[] cuts = {1, 3, 7, 10, 11, 12, 13, 15, 16, 17, 20, 1500, 2015, 2016, 2019, bytes.length - 2};
            int from = 0;
            for (int cut : cuts) {
                out.write(bytes, from, cut - from);
                out.flush();
                Thread.sleep(5); // separate segments, so the listener sees each piece on its own
                from = cut;
            }
            out.write(bytes, from, bytes.length - from);
            out.flush();
            assertThat(readAll(socket)).isEqualTo("stream: OK\n");
        }
        String sha256 = sha256(content);
        assertThat(jdbc.sql("select count(*) from file where sha256 = ? and size = 3000").param(sha256)
                .query(Long.class).single()).as("the stream arrived whole").isEqualTo(1);
    }

    @Test
    void recordsTheScanUnderTheConfiguredUserWithTheClamdTagAndAnswersFromTheVerdict() {
        byte[] clean = uniqueContent();
        byte[] suspicious = uniqueContent();
        byte[] undecided = uniqueContent();
        answers.put(sha256(clean), new Answer(Category.UNDETECTED, null));
        answers.put(sha256(suspicious), new Answer(Category.SUSPICIOUS, "Heuristic.Packed"));
        answers.put(sha256(undecided), new Answer(Category.FAILURE, null));
        double found = streams("found");

        assertThat(talk(instream("z", clean))).isEqualTo("stream: OK\0");
        assertThat(talk(instream("n", EICAR))).isEqualTo("stream: Argus.clamav.Eicar-Test-Signature FOUND\n");
        assertThat(talk(instream("n", suspicious))).as("found-on defaults to malicious").isEqualTo("stream: OK\n");
        assertThat(talk(instream("", undecided))).as("no engine reached a conclusion: never a guessed OK")
                .matches("stream: no Argus engine reached a conclusion on the stream \\(scan [0-9a-f-]+\\) ERROR\n");

        UUID scan = scanOf(sha256(clean));
        assertThat(jdbc.sql("select owner from scan where id = ?").param(scan).query(String.class).single())
                .isEqualTo("admin");
        assertThat(jdbc.sql("select array_to_string(tags, ',') from scan where id = ?").param(scan)
                .query(String.class).single()).isEqualTo("clamd");
        assertThat(jdbc.sql("select array_to_string(probes, ',') from scan where id = ?").param(scan)
                .query(String.class).single()).isEqualTo(CLAMAV);
        assertThat(streams("found")).isGreaterThan(found);
    }

    @Test
    void answersErrorWhenNoVerdictComesInTime() {
        byte[] unanswered = uniqueContent(); // the playing probe never answers it

        String answer = talk(instream("z", unanswered));

        assertThat(answer).matches("stream: Argus scan [0-9a-f-]+ did not finish in time ERROR\0");
        assertThat(requested).contains(scanOf(sha256(unanswered)));
    }

    @Test
    void refusesAStreamOverTheLimitAndClosesTheConnection() {
        byte[] big = new byte[4 * 1024 + 1];
        long scans = jdbc.sql("select count(*) from scan").query(Long.class).single();

        assertThat(talk(instream("z", big))).isEqualTo("INSTREAM size limit exceeded. ERROR\0");
        ByteArrayOutputStream announcedOnly = new ByteArrayOutputStream();
        announcedOnly.writeBytes(ascii("nINSTREAM\n"));
        announcedOnly.writeBytes(ByteBuffer.allocate(4).putInt(Integer.MAX_VALUE).array());
        assertThat(talk(announcedOnly.toByteArray())).as("refused from the chunk's length, before its data")
                .isEqualTo("INSTREAM size limit exceeded. ERROR\n");
        assertThat(jdbc.sql("select count(*) from scan").query(Long.class).single()).isEqualTo(scans);
    }

    @Test
    void closesClientsOutsideTheAllowListAtOnceAndLogsThemWithoutData(CapturedOutput output) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), frontDoor.port()));
            socket.setSoTimeout(10_000);
            try {
                socket.getOutputStream().write(ascii("zPING\0"));
            } catch (IOException closedAlready) {
                // the listener may have closed it before the write
            }
            assertThat(readAllOrReset(socket)).isEmpty();
        }
        await().untilAsserted(() -> assertThat(output.getOut()).contains(
                "refused a connection from 127.0.0.2, not in argus.frontdoor.clamd.allowed-clients"));
        assertThat(output.getOut()).doesNotContain("zPING");
    }

    @Test
    void closesASilentClientAfterTheReadTimeoutAndBoundsTheConnections() throws IOException {
        try (Socket silent = connect()) {
            assertThat(readAll(silent)).as("closed by the listener, not by the test's own timeout").isEmpty();
        }
        try (Socket midChunk = connect()) {
            midChunk.getOutputStream().write(ascii("zINSTREAM\0\0\0\0\u0010abc"));
            assertThat(readAll(midChunk)).isEmpty();
        }
        List<Socket> held = new ArrayList<>();
        try {
            await().untilAsserted(() -> {
                held.forEach(ClamdFrontDoorIntegrationTests::closeQuietly);
                held.clear();
                for (int i = 0; i < 3; i++) { // max-connections: each a session waiting for its next command
                    Socket socket = connect();
                    held.add(socket);
                    socket.getOutputStream().write(ascii("nIDSESSION\nnPING\n"));
                    assertThat(readLine(socket)).isEqualTo("1: PONG");
                }
                try (Socket fourth = connect()) {
                    fourth.getOutputStream().write(ascii("nPING\n"));
                    assertThat(readAllOrReset(fourth)).isEmpty();
                }
            });
            closeQuietly(held.removeFirst());
            await().untilAsserted(() -> assertThat(talk("nPING\n")).isEqualTo("PONG\n"));
        } finally {
            held.forEach(ClamdFrontDoorIntegrationTests::closeQuietly);
        }
    }

    @Test
    void debiansClamdscanExitsOneAndNamesTheDetectionOnMaliciousAndZeroOnClean() throws Exception {
        Path dir = Files.createTempDirectory("clamdscan");
        Path config = dir.resolve("clamd.conf");
        Files.writeString(config, "TCPSocket " + frontDoor.port() + "\nTCPAddr 127.0.0.1\n");
        Path eicar = Files.write(dir.resolve("eicar.com"), EICAR);
        byte[] cleanContent = uniqueContent();
        answers.put(sha256(cleanContent), new Answer(Category.UNDETECTED, null));
        Path clean = Files.write(dir.resolve("clean.txt"), cleanContent);

        Run malicious = run(List.of("clamdscan", "--config-file=" + config, "--stream", "--no-summary",
                eicar.toString()));
        Run harmless = run(List.of("clamdscan", "--config-file=" + config, "--stream", "--no-summary",
                clean.toString()));

        assertThat(malicious.exit()).as(malicious.output()).isEqualTo(1);
        assertThat(malicious.output()).contains(eicar + ": Argus.clamav.Eicar-Test-Signature FOUND");
        assertThat(harmless.exit()).as(harmless.output()).isZero();
        assertThat(harmless.output()).contains(clean + ": OK");
    }

    @Test
    void debiansPyclamdScansStreams() throws Exception {
        byte[] cleanContent = uniqueContent();
        answers.put(sha256(cleanContent), new Answer(Category.UNDETECTED, null));
        Path dir = Files.createTempDirectory("pyclamd");
        Path eicar = Files.write(dir.resolve("eicar.com"), EICAR);
        Path clean = Files.write(dir.resolve("clean.txt"), cleanContent);
        String script = """
                import sys, pyclamd
                clamd = pyclamd.ClamdNetworkSocket('127.0.0.1', int(sys.argv[1]))
                print(clamd.ping())
                print(clamd.version())
                for path in sys.argv[2:]:
                    print(clamd.scan_stream(open(path, 'rb').read()))
                """;

        Run run = run(List.of("/usr/bin/python3", "-c", script, String.valueOf(frontDoor.port()), eicar.toString(),
                clean.toString()));

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output().lines().toList()).containsExactly("True", run.output().lines().toList().get(1),
                "{'stream': ('FOUND', 'Argus.clamav.Eicar-Test-Signature')}", "None");
        assertThat(run.output().lines().toList().get(1)).startsWith("Argus ");
    }

    @Test
    void theClamavClientJavaLibraryScansStreams() {
        byte[] cleanContent = uniqueContent();
        answers.put(sha256(cleanContent), new Answer(Category.UNDETECTED, null));
        ClamavClient client = new ClamavClient("127.0.0.1", frontDoor.port());

        client.ping();
        assertThat(client.version()).startsWith("Argus ");
        ScanResult malicious = client.scan(new java.io.ByteArrayInputStream(EICAR));
        ScanResult clean = client.scan(new java.io.ByteArrayInputStream(cleanContent));

        assertThat(malicious).isInstanceOf(ScanResult.VirusFound.class);
        assertThat(((ScanResult.VirusFound) malicious).getFoundViruses())
                .containsEntry("stream", List.of("Argus.clamav.Eicar-Test-Signature"));
        assertThat(clean).isInstanceOf(ScanResult.OK.class);
    }

    // --- helpers ---

    double streams(String outcome) {
        var counter = meters.find("argus.frontdoor.clamd.streams").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    UUID scanOf(String sha256) {
        return jdbc.sql("select scan_id from scan_file where sha256 = ? order by scan_id limit 1").param(sha256)
                .query(UUID.class).single();
    }

    record Run(int exit, String output) {
    }

    static Run run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    /** An INSTREAM in the form of the prefix ("z", "n" or "" for the legacy form), in chunks of 1000 bytes. */
    static byte[] instream(String prefix, byte[] content) {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(ascii(prefix + "INSTREAM" + (prefix.equals("z") ? "\0" : "\n")));
        request.writeBytes(chunks(content, 1000));
        return request.toByteArray();
    }

    /** The content in chunks of at most {@code size} bytes, then the end chunk. */
    static byte[] chunks(byte[] content, int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int from = 0; from < content.length; from += size) {
            out.writeBytes(chunk(content, from, Math.min(size, content.length - from)));
        }
        out.writeBytes(new byte[4]);
        return out.toByteArray();
    }

    static byte[] chunk(byte[] content, int from, int length) {
        return ByteBuffer.allocate(4 + length).putInt(length).put(content, from, length).array();
    }

    Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), frontDoor.port());
        socket.setSoTimeout(30_000);
        return socket;
    }

    String talk(String request) {
        return talk(ascii(request));
    }

    /** Sends the request and reads every answer until the listener closes the connection. */
    String talk(byte[] request) {
        try (Socket socket = connect()) {
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            return readAllOrReset(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends the request, ends the output (half-close) and reads the answers. */
    String talkAndHangUp(String request) {
        try (Socket socket = connect()) {
            socket.getOutputStream().write(ascii(request));
            socket.shutdownOutput();
            return readAllOrReset(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String readAll(Socket socket) throws IOException {
        try {
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the listener kept the connection open", e);
        }
    }

    /** What was read before the end of the connection; a reset (unread data closed on) ends it too. */
    static String readAllOrReset(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                read.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the listener kept the connection open", e);
        } catch (IOException reset) {
            // the listener closed without reading everything
        }
        return read.toString(StandardCharsets.US_ASCII);
    }

    static String readLine(Socket socket) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int next;
        while ((next = socket.getInputStream().read()) >= 0 && next != '\n') {
            line.write(next);
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // test clean-up
        }
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] uniqueContent() {
        return AbstractFrontendIntegrationTests.uniqueContent();
    }

    static String sha256(byte[] content) {
        return AbstractFrontendIntegrationTests.sha256(content);
    }
}
