package dev.argus.frontend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.argus.frontend.frontdoor.clamd.ClamdFrontDoor;
import dev.argus.frontend.probe.ProbeDirectory;
import dev.argus.frontend.web.ApiException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The clamd front door refuses to start, and takes the application down with a clear message, when the user its scans
 * are to be recorded under does not exist or is not configured; it stops with the application.
 */
class ClamdFrontDoorStartIntegrationTests {

    @Test
    void refusesToStartForAUserThatDoesNotExist() {
        assertThatThrownBy(() -> start("argus.frontdoor.clamd.username=no-such-clamd-user"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("argus.frontdoor.clamd.username: no Argus user 'no-such-clamd-user' exists");
    }

    @Test
    void refusesToStartWithoutAUser() {
        assertThatThrownBy(() -> start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("argus.frontdoor.clamd.username (ARGUS_FRONTDOOR_CLAMD_USERNAME) must name");
    }

    @Test
    void stopsWithTheApplicationAnsweringAWaitingStreamWithAnErrorAndClosingEveryConnection() throws Exception {
        ConfigurableApplicationContext context = application("argus.frontdoor.clamd.username=admin",
                "argus.frontdoor.clamd.probes=clamav").run();
        int port;
        try (Socket idle = new Socket(InetAddress.getLoopbackAddress(),
                context.getBean(ClamdFrontDoor.class).port());
             Socket waiting = new Socket(InetAddress.getLoopbackAddress(),
                     context.getBean(ClamdFrontDoor.class).port())) {
            port = idle.getPort();
            TestFixtures.markProbeOnline(context.getBean(JdbcClient.class), "clamav");
            ProbeDirectory directory = context.getBean(ProbeDirectory.class);
            await().until(() -> {
                try {
                    return directory.resolve(List.of("clamav")).equals(List.of("clamav"));
                } catch (ApiException e) {
                    return false;
                }
            });
            idle.setSoTimeout(30_000);
            waiting.setSoTimeout(30_000);
            idle.getOutputStream().write("nIDSESSION\nnPING\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(ClamdFrontDoorIntegrationTests.readLine(idle)).isEqualTo("1: PONG");
            // nobody plays the brain here: the scan never ends
            waiting.getOutputStream().write(ClamdFrontDoorIntegrationTests.instream("z",
                    AbstractFrontendIntegrationTests.uniqueContent()));
            await().until(() -> context.getBean(JdbcClient.class)
                    .sql("select count(*) from scan where owner = 'admin' and status = 'queued'"
                            + " and created_at > now() - interval '1 minute'")
                    .query(Long.class).single() > 0);

            context.close();

            assertThat(ClamdFrontDoorIntegrationTests.readAllOrReset(waiting))
                    .isEqualTo("stream: Argus is shutting down ERROR\0");
            assertThat(ClamdFrontDoorIntegrationTests.readAllOrReset(idle)).as("closed, nothing more said").isEmpty();
        }
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
                .isInstanceOf(ConnectException.class);
    }

    private static void start(String... properties) {
        application(properties).run().close();
    }

    private static SpringApplicationBuilder application(String... properties) {
        return new SpringApplicationBuilder(FrontendApplication.class)
                .profiles("test")
                .properties("server.port=0", "argus.frontdoor.clamd.port=0",
                        "argus.upload.temp-dir=" + TestFixtures.uploadDirectory("clamd-start"))
                .properties(properties);
    }
}
