package dev.argus.frontend;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The clamd front door refuses to start, and takes the application down with a clear message, when the user its scans
 * are to be recorded under does not exist or is not configured.
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

    private static void start(String... properties) {
        new SpringApplicationBuilder(FrontendApplication.class)
                .profiles("test")
                .properties("server.port=0", "argus.frontdoor.clamd.port=0",
                        "argus.upload.temp-dir=" + TestFixtures.uploadDirectory("clamd-start"))
                .properties(properties)
                .run()
                .close();
    }
}
