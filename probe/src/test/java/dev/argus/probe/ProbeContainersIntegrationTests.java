package dev.argus.probe;

import dev.argus.testsupport.ArgusContainers;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.rabbitmq.RabbitMQContainer;

/** The same against a RabbitMQ container of the deployment's image (FTP and clamd stay the local ones). */
@Testcontainers
class ProbeContainersIntegrationTests extends AbstractProbeIntegrationTests {

    @Container
    static final RabbitMQContainer RABBIT = ArgusContainers.rabbitmq();

    @DynamicPropertySource
    static void rabbit(DynamicPropertyRegistry registry) {
        ArgusContainers.registerRabbitMq(registry, RABBIT);
    }
}
