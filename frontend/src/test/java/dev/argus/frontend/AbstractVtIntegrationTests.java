package dev.argus.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.common.amqp.Topology;
import dev.argus.common.message.Category;
import dev.argus.common.message.ScanRequested;
import java.util.UUID;
import org.springframework.test.context.TestPropertySource;

/**
 * The VirusTotal-compatible API's tests: the message-flow context with forwarded headers honoured as in the
 * container deployment ({@code SERVER_FORWARD_HEADERS_STRATEGY=framework} behind nginx). The test plays the brain
 * and the probes: it answers each scan the frontend requests for every probe the request names.
 */
@TestPropertySource(properties = "server.forward-headers-strategy=framework")
abstract class AbstractVtIntegrationTests extends AbstractMessageFlowIntegrationTests {

    /** The next scan the frontend hands to the brain. */
    ScanRequested receiveScanRequested() {
        Object message = rabbit.receiveAndConvert(Topology.SCANS_QUEUE, 10_000);
        assertThat(message).as("a ScanRequested for the brain").isInstanceOf(ScanRequested.class);
        return (ScanRequested) message;
    }

    /** Answers every file × probe of the scan: clamav malicious (the threat given), every other probe undetected. */
    void answer(ScanRequested scan, String threat) {
        for (var file : scan.files()) {
            for (String probe : scan.probes()) {
                boolean clamav = CLAMAV.equals(probe);
                ResultMessages.publishFromProbe(publisher, probe, ResultMessages.answer(scan.scanId(), file.sha256(),
                        probe, clamav ? Category.MALICIOUS : Category.UNDETECTED, clamav ? threat : null));
            }
        }
    }

    void answer(UUID scanId, String threat) {
        ScanRequested requested = receiveScanRequested();
        assertThat(requested.scanId()).isEqualTo(scanId);
        answer(requested, threat);
    }
}
