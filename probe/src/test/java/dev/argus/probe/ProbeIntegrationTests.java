package dev.argus.probe;

/** Against the services on this machine: RabbitMQ (vhost argus-test), vsftpd on 2121, clamd on 3310. */
class ProbeIntegrationTests extends AbstractProbeIntegrationTests {
}
