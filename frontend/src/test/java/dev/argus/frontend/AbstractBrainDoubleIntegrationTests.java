package dev.argus.frontend;

import static dev.argus.testsupport.ArgusTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.common.amqp.Topology;
import dev.argus.common.message.ScanRequested;
import dev.argus.messaging.MessagePublisher;
import dev.argus.testsupport.ArgusTestClient;
import dev.argus.testsupport.ArgusTestClient.Multipart;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A frontend test that plays the brain: it reads {@code ScanRequested} from {@code argus.brain.scans} (emptied before
 * each test), sends the probe directory ({@link DirectoryMessages}) and the probes' results ({@link ResultMessages}).
 * Subclasses carry the {@code @SpringBootTest} with their settings.
 */
abstract class AbstractBrainDoubleIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    RabbitTemplate rabbit;
    @Autowired
    AmqpAdmin amqpAdmin;
    @Autowired
    MessagePublisher publisher;

    ArgusTestClient http;

    @BeforeEach
    void actAsBrain() {
        http = ArgusTestClient.onPort(port, TestKeys.ADMIN_KEY);
        amqpAdmin.purgeQueue(Topology.SCANS_QUEUE, false);
    }

    /** Uploads the form, expects 202 and the scan's {@code ScanRequested}, and returns that. */
    ScanRequested submit(Multipart form) {
        HttpResponse<String> response = http.upload(form);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        ScanRequested requested = receive();
        assertThat(requested.scanId().toString()).isEqualTo(json(response).get("id").asString());
        return requested;
    }

    /** The next {@code ScanRequested} the frontend sent. */
    ScanRequested receive() {
        Object message = rabbit.receiveAndConvert(Topology.SCANS_QUEUE, 5000);
        assertThat(message).isInstanceOf(ScanRequested.class);
        return (ScanRequested) message;
    }
}
