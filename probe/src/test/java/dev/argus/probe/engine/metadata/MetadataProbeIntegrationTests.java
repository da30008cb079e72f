package dev.argus.probe.engine.metadata;

/** Both engines against the services on this machine: RabbitMQ (vhost argus-test by default) and vsftpd on 2121. */
class MetadataProbeIntegrationTests extends AbstractMetadataProbeIntegrationTests {
}
