package dev.argus.probe.engine.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.argus.common.message.Category;
import dev.argus.common.message.JobResult;
import dev.argus.common.message.ProbeJob;
import dev.argus.common.message.ResultsReported;
import dev.argus.common.message.ScanFiles;
import dev.argus.probe.RecordingPublisher;
import dev.argus.probe.job.InMemoryFileStore;
import dev.argus.probe.job.JobRunner;
import dev.argus.probe.job.ScanMeters;
import dev.argus.probe.spi.EngineDependency;
import dev.argus.probe.spi.EngineException;
import dev.argus.probe.spi.EngineVersions;
import dev.argus.probe.spi.ScanEngine;
import dev.argus.probe.spi.ScanOutcome;
import dev.argus.probe.spi.TerminalEngineException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * HTTP engines against {@link ScanServiceStandIn}, a local server behaving like a private scanning service. The
 * asynchronous flow uses the shipped engines/remote/examples/private-scanner.yaml as is.
 */
@ExtendWith(OutputCaptureExtension.class)
class RemoteEngineIntegrationTests {

    static final Path EXAMPLES = Path.of(System.getProperty("user.dir")).getParent()
            .resolve("engines/remote/examples");
    static final String TOKEN = "s3cret-Token-4242";
    static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

    @TempDir
    Path work;

    private ScanServiceStandIn service;
    private RemoteEngineSource source;

    @BeforeEach
    void startService() throws IOException {
        service = new ScanServiceStandIn(TOKEN);
    }

    @AfterEach
    void stop() {
        if (source != null) {
            source.close();
        }
        service.close();
    }

    @Test
    void submitsThenPollsAndMapsTheInfectedVerdictWithThreatAndVersions() throws Exception {
        ScanEngine sandbox = example();
        Path file = file(EICAR);

        ScanOutcome outcome = sandbox.scan(file);

        assertThat(outcome.category()).isEqualTo(Category.MALICIOUS);
        assertThat(outcome.threat()).isEqualTo("EICAR-Test-File");
        assertThat(outcome.versions()).isEqualTo(new EngineVersions("2.1.0", "sig-42"));
        assertThat(outcome.details()).containsEntry("verdict", "infected");
        assertThat(service.uploads()).singleElement().satisfies(upload -> {
            assertThat(upload.contentType()).startsWith("multipart/form-data; boundary=");
            assertThat(upload.field()).isEqualTo("file");
            assertThat(upload.fileName()).isEqualTo(file.getFileName().toString());
            assertThat(upload.body()).isEqualTo(EICAR);
        });
        assertThat(service.authorizations()).hasSizeGreaterThanOrEqualTo(3).containsOnly("Bearer " + TOKEN);
    }

    @Test
    void aCleanAnswerIsUndetectedWithoutThreat() throws Exception {
        ScanOutcome outcome = example().scan(file("clean " + UUID.randomUUID()));

        assertThat(outcome.category()).isEqualTo(Category.UNDETECTED);
        assertThat(outcome.threat()).isNull();
    }

    @Test
    void verifiesHealthAndReadsTheVersionsEndpointAndDependsOnTheServiceSocket() throws Exception {
        ScanEngine sandbox = example();

        sandbox.verify();

        assertThat(sandbox.versions()).isEqualTo(new EngineVersions("2.1.0", "sig-42"));
        int port = Integer.parseInt(service.baseUrl().substring(service.baseUrl().lastIndexOf(':') + 1));
        assertThat(sandbox.dependencies()).singleElement().isInstanceOfSatisfying(
                EngineDependency.SocketReachable.class, socket -> {
                    assertThat(socket.host()).isEqualTo("127.0.0.1");
                    assertThat(socket.port()).isEqualTo(port);
                });
    }

    @Test
    void followsTheLocationHeaderAndSendsARawBody() throws Exception {
        ScanEngine engine = engine("""
                name: located
                submit: {url: "%s/api/v1/scans", body: raw, contentType: application/x-sample,
                         statusUrlHeader: Location}
                poll: {interval: 20ms}
                answer: {status: /status, done: [finished], category: /verdict,
                         categories: {infected: malicious, clean: undetected}, threat: /threat}
                auth: {header: Authorization, value: "Bearer ${env:SANDBOX_TOKEN}"}
                """);

        ScanOutcome outcome = engine.scan(file(EICAR));

        assertThat(outcome.category()).isEqualTo(Category.MALICIOUS);
        assertThat(service.uploads()).singleElement().satisfies(upload -> {
            assertThat(upload.contentType()).isEqualTo("application/x-sample");
            assertThat(upload.body()).isEqualTo(EICAR);
        });
    }

    @Test
    void aSynchronousServiceAnswersInTheSubmitResponse() throws Exception {
        ScanEngine engine = engine("""
                name: instant
                mode: sync
                submit: {url: "%s/api/v1/scan-now", field: sample}
                answer: {category: /verdict, categories: {infected: malicious, clean: undetected},
                         threat: /threat, engineVersion: /engine/version, signatureVersion: /engine/signatures}
                auth: {header: Authorization, value: "Bearer ${env:SANDBOX_TOKEN}"}
                """);

        ScanOutcome outcome = engine.scan(file(EICAR));

        assertThat(outcome.category()).isEqualTo(Category.MALICIOUS);
        assertThat(outcome.threat()).isEqualTo("EICAR-Test-File");
        assertThat(engine.versions()).as("learnt from the answer").isEqualTo(new EngineVersions("2.1.0", "sig-42"));
        assertThat(service.uploads()).singleElement().extracting(ScanServiceStandIn.Upload::field)
                .isEqualTo("sample");
    }

    @Test
    void aServiceThatNeverFinishesGivesARetryableTimeoutResult() throws Exception {
        service.pollsBeforeDone(Integer.MAX_VALUE);
        ScanEngine engine = engine(ASYNC.replace("timeout: 5s", "timeout: 400ms"));

        JobResult result = runJob(engine, EICAR);

        assertThat(result.retryable()).isTrue();
        assertThat(result.result().category()).isEqualTo(Category.TIMEOUT);
        assertThat(result.result().error()).isEqualTo("async did not finish within 400 ms");
    }

    @Test
    void anAnswerSlowerThanTheRequestTimeoutIsARetryableFailure() throws Exception {
        service.hang();
        ScanEngine engine = engine(ASYNC.replace("requestTimeout: 5s", "requestTimeout: 300ms"));

        assertThatThrownBy(() -> engine.scan(file(EICAR))).isExactlyInstanceOf(EngineException.class)
                .hasMessageStartingWith("async: no answer to submit (POST " + service.baseUrl() + "/api/v1/scans)"
                        + " within 300 ms");
    }

    @Test
    void http500IsARetryableFailureQuotingTheService() throws Exception {
        service.submitAnswers(500, "{\"error\": \"database locked\"}");

        assertThatThrownBy(() -> engine(ASYNC).scan(file(EICAR))).isExactlyInstanceOf(EngineException.class)
                .hasMessage("async: submit (POST " + service.baseUrl() + "/api/v1/scans) answered HTTP 500:"
                        + " {\"error\": \"database locked\"}");
    }

    @Test
    void aRefusedConnectionIsARetryableFailure() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        ScanEngine engine = engine(ASYNC.replace("%s", "http://127.0.0.1:" + closed));

        assertThatThrownBy(() -> engine.scan(file(EICAR))).isExactlyInstanceOf(EngineException.class)
                .hasMessageStartingWith("async: cannot connect to http://127.0.0.1:" + closed + "/api/v1/scans for"
                        + " submit");
    }

    @Test
    void wrongCredentialsGiveATerminalFailureThatNeverShowsTheSecret(CapturedOutput output) throws Exception {
        service.close();
        service = new ScanServiceStandIn("another-token");
        ScanEngine engine = engine(ASYNC);

        assertThatThrownBy(() -> engine.scan(file(EICAR))).isInstanceOf(TerminalEngineException.class)
                .hasMessageContaining("answered HTTP 401: {\"error\": \"invalid credentials: ****\"}")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN));
        assertThat(service.authorizations()).containsExactly("Bearer " + TOKEN);
        assertThat(output.getAll()).doesNotContain(TOKEN);
    }

    @Test
    void anAnswerThatIsNotJsonIsATerminalFailure() throws Exception {
        service.pollAnswers("<html>Bad gateway</html>");

        assertThatThrownBy(() -> engine(ASYNC).scan(file(EICAR))).isInstanceOf(TerminalEngineException.class)
                .hasMessageStartingWith("async: the answer to poll is not valid JSON (")
                .hasMessageEndingWith("): <html>Bad gateway</html>");
    }

    @Test
    void aMissingPointerIsATerminalFailureNamingIt() throws Exception {
        service.pollAnswers("{\"state\": \"finished\"}");

        assertThatThrownBy(() -> engine(ASYNC).scan(file(EICAR))).isInstanceOf(TerminalEngineException.class)
                .hasMessage("async's answer has no status at /status (answer.status): {\"state\":\"finished\"}");
    }

    @Test
    void anUnmappedVerdictIsATerminalFailureListingTheMappedOnes() throws Exception {
        service.pollAnswers("{\"status\": \"finished\", \"verdict\": \"weird\"}");

        assertThatThrownBy(() -> engine(ASYNC).scan(file(EICAR))).isInstanceOf(TerminalEngineException.class)
                .hasMessage("async answered the verdict 'weird', which answer.categories does not map (mapped:"
                        + " infected, clean)");
    }

    @Test
    void aJobTheServiceReportsFailedIsARetryableFailureWithItsMessage() throws Exception {
        service.finalStatus("error");

        assertThatThrownBy(() -> engine(ASYNC).scan(file(EICAR))).isExactlyInstanceOf(EngineException.class)
                .hasMessage("async reports the scan failed (status 'error'): sandbox VM crashed");
    }

    @Test
    void verifyNamesAnUnsetTokenAndTheSecretNeverReachesTheLogs(CapturedOutput output) throws Exception {
        source = new RemoteEngineSource(EXAMPLES, Map.of("sandbox", Map.of("base-url", service.baseUrl())),
                name -> null);
        ScanEngine sandbox = source.engines().getFirst();

        assertThatThrownBy(sandbox::verify).isInstanceOf(EngineException.class)
                .hasMessage("environment variable SANDBOX_TOKEN (used by field 'auth.value') is not set");

        example();
        runJob(engine(ASYNC), EICAR);
        service.submitAnswers(500, "{\"error\": \"token " + TOKEN + " expired\"}");
        JobResult failed = runJob(engine(ASYNC), EICAR);
        assertThat(failed.result().error()).contains("token **** expired").doesNotContain(TOKEN);
        assertThat(output.getAll()).contains("HTTP scanning service 'sandbox'", "HTTP 500").doesNotContain(TOKEN);
    }

    /** An asynchronous service with short limits; %s is the base URL. */
    static final String ASYNC = """
            name: async
            submit: {url: "%s/api/v1/scans", jobId: /id}
            poll: {url: "%s/api/v1/scans/{jobId}", interval: 20ms}
            answer: {status: /status, done: [finished], failed: [error], error: /message, category: /verdict,
                     categories: {infected: malicious, clean: undetected}, threat: /threat}
            auth: {header: Authorization, value: "Bearer ${env:SANDBOX_TOKEN}"}
            timeout: 5s
            requestTimeout: 5s
            """;

    private ScanEngine example() {
        source = new RemoteEngineSource(EXAMPLES, Map.of("sandbox", Map.of("base-url", service.baseUrl(),
                "poll-interval", "20ms")), Map.of("SANDBOX_TOKEN", TOKEN)::get);
        List<ScanEngine> engines = source.engines();
        assertThat(engines).extracting(ScanEngine::name).containsExactly("sandbox");
        return engines.getFirst();
    }

    private ScanEngine engine(String yaml) throws IOException {
        Path dir = Files.createDirectories(work.resolve("remote.d-" + UUID.randomUUID()));
        Files.writeString(dir.resolve("engine.yaml"), yaml.replace("%s", service.baseUrl()));
        RemoteEngineSource engines = new RemoteEngineSource(dir, Map.of(), Map.of("SANDBOX_TOKEN", TOKEN)::get);
        return engines.engines().getFirst();
    }

    /** Runs the engine the way the probe does, through the job runner, and returns the published result. */
    private JobResult runJob(ScanEngine engine, String content) throws Exception {
        byte[] bytes = content.getBytes(StandardCharsets.US_ASCII);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        InMemoryFileStore store = new InMemoryFileStore();
        store.put(sha256, bytes);
        RecordingPublisher publisher = new RecordingPublisher();
        ExecutorService scans = Executors.newCachedThreadPool();
        try {
            new JobRunner(store, Files.createDirectories(work.resolve("jobs")), publisher, "probe-1",
                    Clock.systemUTC(), scans, new ScanMeters(new SimpleMeterRegistry())).handle(new ScanFiles(engine.name(), List.of(new ProbeJob(UUID.randomUUID(),
                    UUID.randomUUID(), sha256, engine.name(), "text/plain", 1, false,
                    Instant.now().plus(Duration.ofMinutes(1))))), engine);
        } finally {
            scans.shutdownNow();
        }
        List<ResultsReported> published = publisher.payloads(ResultsReported.class);
        assertThat(published).hasSize(1);
        assertThat(published.getFirst().results()).hasSize(1);
        return published.getFirst().results().getFirst();
    }

    private Path file(String content) throws IOException {
        return Files.writeString(Files.createTempFile(work, "argus-", ".bin"), content);
    }
}
