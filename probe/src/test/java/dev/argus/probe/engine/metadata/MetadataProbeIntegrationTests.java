package dev.argus.probe.engine.metadata;

/** Against the services on this machine: RabbitMQ (vhost argus-test by default) and vsftpd on 2121. */
class MetadataProbeIntegrationTests extends AbstractMetadataProbeIntegrationTests {
}
