package dev.argus.frontend;

import dev.argus.testsupport.ArgusContainers;
import dev.argus.testsupport.ArgusContainers.DatabaseRole;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.rabbitmq.RabbitMQContainer;

/**
 * The same tests against the deployment's PostgreSQL and RabbitMQ images in containers, as the frontend's own
 * database role (no superuser, its schema only). The FTP server is still the local one (argus.ftp.*).
 */
@Testcontainers
class FrontendContainersIntegrationTests extends AbstractFrontendIntegrationTests {

    @Container
    static final PostgreSQLContainer POSTGRES = ArgusContainers.postgres(DatabaseRole.FRONTEND);

    @Container
    static final RabbitMQContainer RABBIT = ArgusContainers.rabbitmq();

    @DynamicPropertySource
    static void containers(DynamicPropertyRegistry registry) {
        ArgusContainers.registerDataSource(registry, POSTGRES);
        ArgusContainers.registerRabbitMq(registry, RABBIT);
    }
}
