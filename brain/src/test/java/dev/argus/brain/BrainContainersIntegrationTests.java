package dev.argus.brain;

import dev.argus.testsupport.ArgusContainers;
import dev.argus.testsupport.ArgusContainers.DatabaseRole;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.rabbitmq.RabbitMQContainer;

/**
 * The same tests against the deployment's PostgreSQL and RabbitMQ images in containers, as the brain's own
 * database role (no superuser, its schema only).
 */
@Testcontainers
class BrainContainersIntegrationTests extends AbstractBrainIntegrationTests {

    @Container
    static final PostgreSQLContainer POSTGRES = ArgusContainers.postgres(DatabaseRole.BRAIN);

    @Container
    static final RabbitMQContainer RABBIT = ArgusContainers.rabbitmq();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        ArgusContainers.registerDataSource(registry, POSTGRES);
        ArgusContainers.registerRabbitMq(registry, RABBIT);
    }
}
