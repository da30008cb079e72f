package dev.argus.probe.engine.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.argus.probe.spi.ScanEngine;
import dev.argus.probe.spi.TerminalEngineException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service whose submit answer names a status URL on another server ({@link ScanServiceStandIn} twice: the vendor's
 * service and some other host): the probe follows it only on the service's own origin or an allowed one.
 */
class StatusUrlOriginIntegrationTests {

    private static final String TOKEN = "s3cret-Token-4242";
    private static final String ENGINE = """
            name: redirected
            submit: {url: "%s/api/v1/scans", statusUrl: /links/status}
            poll: {interval: 20ms}
            answer: {status: /status, done: [finished], category: /verdict,
                     categories: {infected: malicious, clean: undetected}, threat: /threat}
            auth: {header: Authorization, value: "Bearer ${env:SANDBOX_TOKEN}"}
            timeout: 5s
            """;

    @TempDir
    Path work;

    private ScanServiceStandIn service;
    private ScanServiceStandIn elsewhere;
    private RemoteEngineSource source;

    @BeforeEach
    void start() throws IOException {
        service = new ScanServiceStandIn(TOKEN);
        elsewhere = new ScanServiceStandIn(TOKEN);
    }

    @AfterEach
    void stop() {
        if (source != null) {
            source.close();
        }
        service.close();
        elsewhere.close();
    }

    @Test
    void aStatusUrlOnAnotherOriginFailsTheJobAndIsNeverRequested() throws Exception {
        service.submitAnswers(202, "{\"status\": \"queued\", \"links\": {\"status\": \"" + elsewhere.baseUrl()
                + "/api/v1/scans/" + UUID.randomUUID() + "\"}}");
        ScanEngine engine = engine(List.of());

        assertThatThrownBy(() -> engine.scan(file()))
                .isInstanceOf(TerminalEngineException.class)
                .hasMessageContaining("not on the service's origin")
                .hasMessageContaining(RemoteEngineSource.STATUS_ORIGINS_PROPERTY)
                .hasMessageNotContaining(TOKEN);
        assertThat(elsewhere.authorizations()).as("no request to the other origin").isEmpty();
    }

    @Test
    void anotherPortOfTheSameHostIsAnotherOrigin() throws Exception {
        String otherPort = elsewhere.baseUrl().replace("127.0.0.1", "localhost");
        service.submitAnswers(202, "{\"status\": \"queued\", \"links\": {\"status\": \"" + otherPort
                + "/api/v1/scans/1\"}}");

        assertThatThrownBy(() -> engine(List.of()).scan(file())).isInstanceOf(TerminalEngineException.class);
        assertThat(elsewhere.authorizations()).isEmpty();
    }

    @Test
    void anAllowedOriginIsFollowedWithoutTheServiceCredentials() throws Exception {
        service.submitAnswers(202, "{\"status\": \"queued\", \"links\": {\"status\": \"" + elsewhere.baseUrl()
                + "/api/v1/scans/" + UUID.randomUUID() + "\"}}");
        ScanEngine engine = engine(List.of(elsewhere.baseUrl()));

        // the other server wants the token, which goes only to the service's origin: it refuses the poll
        assertThatThrownBy(() -> engine.scan(file())).hasMessageNotContaining("not on the service's origin");
        assertThat(elsewhere.authorizations()).as("polled, without the credentials").containsOnly("");
    }

    @Test
    void aStatusUrlOnTheServiceOriginIsFollowed() throws Exception {
        // the stand-in's own Location flow: a relative status URL, resolved against the submit URL
        Path dir = Files.createDirectories(work.resolve("remote.d"));
        Files.writeString(dir.resolve("engine.yaml"), ENGINE.replace("statusUrl: /links/status",
                "statusUrlHeader: Location").replace("%s", service.baseUrl()));
        source = new RemoteEngineSource(dir, Map.of(), Map.of("SANDBOX_TOKEN", TOKEN)::get, List.of());

        assertThat(source.engines().getFirst().scan(file()).category()).isNotNull();
        assertThat(elsewhere.authorizations()).isEmpty();
    }

    @Test
    void anAllowListEntryThatIsNoOriginIsRefused() {
        assertThatThrownBy(() -> new RemoteEngineSource(work, Map.of(), name -> null, List.of("file:///etc")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(RemoteEngineSource.STATUS_ORIGINS_PROPERTY);
    }

    private ScanEngine engine(List<String> statusOrigins) throws IOException {
        Path dir = Files.createDirectories(work.resolve("remote.d-" + UUID.randomUUID()));
        Files.writeString(dir.resolve("engine.yaml"), ENGINE.replace("%s", service.baseUrl()));
        source = new RemoteEngineSource(dir, Map.of(), Map.of("SANDBOX_TOKEN", TOKEN)::get, statusOrigins);
        return source.engines().getFirst();
    }

    private Path file() throws IOException {
        return Files.writeString(Files.createTempFile(work, "argus-", ".bin"), "clean " + UUID.randomUUID());
    }
}
