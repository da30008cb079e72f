package dev.argus.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.messaging.QueueProperties;
import org.junit.jupiter.api.Test;

/** What the standalone imposes on its three applications, above their own settings and the environment. */
class StandaloneWiringTests {

    @Test
    void forcesClassicQueuesForTheEmbeddedBrokerWhateverTheSettingSays() {
        // Qpid Broker-J has no quorum queues; the wiring outranks ARGUS_MESSAGING_QUEUE_TYPE and drops
        // --argus.messaging.queue-type from the command line (ArgusContexts, ContextLauncher).
        assertThat(Standalone.wiring(5432, "secret", 5672, "secret", 2121, "secret"))
                .containsEntry(QueueProperties.QUEUE_TYPE, "classic");
    }

    @Test
    void theApplicationsConnectToTheDatabaseWithItsPassword() {
        assertThat(Standalone.wiring(5432, "database-secret", 5672, "secret", 2121, "secret"))
                .containsEntry("spring.datasource.username", "argus")
                .containsEntry("spring.datasource.password", "database-secret");
    }
}
