package dev.argus.messaging.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.env.MockEnvironment;

class DefaultPasswordsTests {

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DefaultPasswordAutoConfiguration.class));

    @Test
    void aWellKnownPasswordForALoopbackServerIsFine() {
        for (String host : List.of("127.0.0.1", "localhost", "127.1.2.3", "::1", "[::1]", "LOCALHOST")) {
            assertThat(DefaultPasswords.problem(List.of(setting("guest", host)))).as(host).isNull();
        }
    }

    @Test
    void aWellKnownPasswordForAnyOtherServerIsRefusedNamingTheSettingNotThePassword() {
        String problem = DefaultPasswords.problem(List.of(setting("Guest", "rabbitmq")));

        assertThat(problem).contains("spring.rabbitmq.password (for rabbitmq)").doesNotContain("Guest")
                .doesNotContain("guest");
        for (String password : List.of("argus", "argus-probe", "argus-brain", "argus-frontend", "postgres",
                "password", "changeme", "admin")) {
            assertThat(DefaultPasswords.problem(List.of(setting(password, "10.0.0.5")))).as(password).isNotNull();
        }
    }

    @Test
    void aStrongPasswordIsFineAnywhere() {
        assertThat(DefaultPasswords.problem(List.of(setting("k3Vq-9xZ2-pL7w", "rabbitmq.example.org")))).isNull();
        assertThat(DefaultPasswords.problem(List.of(setting(null, "rabbitmq.example.org")))).isNull();
    }

    @Test
    void theSettingsOfAProcessAreReadFromItsEnvironment() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.rabbitmq.addresses", "amqp://user:pw@rabbit-1:5672/vh, [::1]:5673")
                .withProperty("spring.datasource.url", "jdbc:postgresql://db-1:5432,127.0.0.1/argus?ssl=true")
                .withProperty("spring.datasource.password", "argus")
                .withProperty("argus.ftp.host", "ftp")
                .withProperty("argus.ftp.password", "argus");

        assertThat(DefaultPasswordCheck.settings(environment)).containsExactly(
                new DefaultPasswords.Setting("spring.rabbitmq.password", "guest", List.of("rabbit-1", "[::1]")),
                new DefaultPasswords.Setting("spring.datasource.password", "argus", List.of("db-1", "127.0.0.1")),
                new DefaultPasswords.Setting("argus.ftp.password", "argus", List.of("ftp")));
    }

    @Test
    void aProcessDoesNotStartWithADefaultPasswordForARemoteServer() {
        contexts.withPropertyValues("spring.rabbitmq.host=rabbitmq", "spring.rabbitmq.password=guest",
                        "argus.ftp.host=127.0.0.1", "argus.ftp.password=argus")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasMessageStartingWith("Refusing to start: spring.rabbitmq.password (for rabbitmq) is a"
                                + " well-known default password"));
    }

    @Test
    void aProcessStartsWithTheDefaultsOnThisMachine() {
        contexts.withPropertyValues("spring.rabbitmq.host=127.0.0.1", "argus.ftp.host=localhost",
                        "argus.ftp.password=argus", "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/argus",
                        "spring.datasource.password=argus")
                .run(context -> assertThat(context).hasNotFailed());
    }

    private static DefaultPasswords.Setting setting(String password, String host) {
        return new DefaultPasswords.Setting("spring.rabbitmq.password", password, List.of(host));
    }
}
