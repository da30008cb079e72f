package dev.argus.brain;

/** The brain against the RabbitMQ and PostgreSQL running on this machine (vhost argus-test, database argus_test). */
class BrainIntegrationTests extends AbstractBrainIntegrationTests {
}
