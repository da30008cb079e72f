package dev.argus.probe.engine.metadata;

import dev.argus.testsupport.ArgusContainers;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.rabbitmq.RabbitMQContainer;

/** The same against a RabbitMQ container of the deployment's image (the FTP store stays the local one). */
@Testcontainers
class MetadataProbeContainersIntegrationTests extends AbstractMetadataProbeIntegrationTests {

    @Container
    static final RabbitMQContainer RABBIT = ArgusContainers.rabbitmq();

    @DynamicPropertySource
    static void rabbit(DynamicPropertyRegistry registry) {
        ArgusContainers.registerRabbitMq(registry, RABBIT);
    }
}
