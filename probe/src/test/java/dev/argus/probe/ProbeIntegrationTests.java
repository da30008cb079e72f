package dev.argus.probe;

import org.springframework.test.context.TestPropertySource;

/**
 * Against the services on this machine: RabbitMQ (vhost argus-test, or SPRING_RABBITMQ_VIRTUALHOST), vsftpd on 2121,
 * clamd on 3310. The probe runs as the least-privilege user argus-probe-clamav of .ci/services.sh; the test plays the
 * brain as guest.
 */
@TestPropertySource(properties = {"spring.rabbitmq.username=argus-probe-clamav",
        "spring.rabbitmq.password=${ARGUS_RABBITMQ_PROBE_CLAMAV_PASSWORD:argus-probe-clamav-ci}",
        "argus.test.rabbitmq.username=guest", "argus.test.rabbitmq.password=guest"})
class ProbeIntegrationTests extends AbstractProbeIntegrationTests {
}
