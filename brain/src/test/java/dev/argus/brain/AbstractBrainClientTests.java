package dev.argus.brain;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * A brain context (profile "test") driven through a {@link BrainAmqpClient}: each test starts with empty
 * frontend queues and its test probes are forgotten afterwards. Subclasses declare their {@code @SpringBootTest}.
 */
@ActiveProfiles("test")
abstract class AbstractBrainClientTests {

    @Autowired
    RabbitTemplate rabbit;
    @Autowired
    AmqpAdmin admin;
    @Autowired
    JdbcTemplate jdbc;

    BrainAmqpClient client;

    @BeforeEach
    void purgeFrontendQueues() {
        client = new BrainAmqpClient(rabbit, admin);
        client.purgeFrontendQueues();
    }

    @AfterEach
    void forgetTestProbes() {
        client.cleanUp(jdbc);
    }
}
