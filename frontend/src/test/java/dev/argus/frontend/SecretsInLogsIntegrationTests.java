package dev.argus.frontend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.argus.testsupport.ArgusTestClient;
import dev.argus.testsupport.ArgusTestClient.Multipart;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Wrong passwords known to the test: with a wrong FTP password the frontend runs, an upload is answered 503 and
 * the failed login is logged; with a wrong RabbitMQ password the start fails with the reason. In no case does the password appear in a log line, an exception message or a response body.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "argus.ftp.password=" + SecretsInLogsIntegrationTests.FTP_SECRET)
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class SecretsInLogsIntegrationTests {

    static final String RABBIT_SECRET = "rabbit-Secret-4f1d9c27";
    static final String FTP_SECRET = "ftp-Secret-8b2e61a0";
    static final String DATABASE_SECRET = "db-Secret-c39d07e5";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    ArgusTestClient http;

    @BeforeEach
    void knowAProbe() {
        http = ArgusTestClient.onPort(port, TestKeys.ADMIN_KEY);
        TestFixtures.markProbeOnline(jdbc, "secrets");
    }

    @Test
    void aWrongFtpPasswordIsReportedWithoutThePassword(CapturedOutput output) {
        HttpResponse<String> upload = http.upload(new Multipart()
                .file("secret.bin", ("s " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8))
                .field("probes", "secrets"));
        HttpResponse<String> health = http.get("/actuator/health");

        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(503);
        assertThat(upload.body()).contains("the file store is unavailable").doesNotContain(FTP_SECRET);
        assertThat(health.body()).doesNotContain(FTP_SECRET);
        assertThat(output.getAll()).contains("FTP login as 'argus'").doesNotContain(FTP_SECRET);
    }

    /**
     * The test PostgreSQL trusts connections from 127.0.0.1, so a wrong database password cannot be provoked here;
     * the database password is set to a known value anyway and must not be printed by the failing start either.
     */
    @Test
    void aWrongBrokerPasswordFailsTheStartWithoutPrintingItOrTheDatabasePassword(CapturedOutput output) {
        String reasons = failedStart("spring.rabbitmq.password=" + RABBIT_SECRET,
                "spring.datasource.password=" + DATABASE_SECRET, "spring.rabbitmq.listener.simple.auto-startup=true");

        assertThat(reasons).contains("ACCESS_REFUSED").doesNotContain(RABBIT_SECRET, DATABASE_SECRET);
        assertThat(output.getAll()).contains("ACCESS_REFUSED").doesNotContain(RABBIT_SECRET, DATABASE_SECRET);
    }

    /** Starts a second frontend that must fail; the messages of its failure's causes, one a line. */
    private static String failedStart(String... arguments) {
        // server.port on the command line: as a default property, application.properties' 8080 would win, and the
        // start would fail on a port in use before it reached the broker
        String[] commandLine = java.util.stream.Stream.concat(java.util.stream.Stream.of("server.port=0"),
                java.util.Arrays.stream(arguments)).map(a -> "--" + a).toArray(String[]::new);
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(FrontendApplication.class)
                .profiles("test")
                .run(commandLine).close());

        assertThat(failure).isNotNull();
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t).append('\n');
        }
        return messages.toString();
    }
}
