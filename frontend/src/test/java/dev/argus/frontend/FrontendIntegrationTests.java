package dev.argus.frontend;

/** The frontend against the services on this machine (PostgreSQL, RabbitMQ, FTP); always runs. */
class FrontendIntegrationTests extends AbstractFrontendIntegrationTests {
}
