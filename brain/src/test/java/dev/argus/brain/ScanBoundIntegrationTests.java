package dev.argus.brain;

import static dev.argus.brain.BrainAmqpClient.WAIT;
import static dev.argus.brain.BrainAmqpClient.descriptor;
import static dev.argus.brain.BrainAmqpClient.file;
import static dev.argus.brain.BrainAmqpClient.newProbeName;
import static dev.argus.brain.BrainAmqpClient.newSha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.argus.common.amqp.Topology;
import dev.argus.common.message.Category;
import dev.argus.common.message.EngineResult;
import dev.argus.common.message.ExtractedFile;
import dev.argus.common.message.Extraction;
import dev.argus.common.message.ExtractionReport;
import dev.argus.common.message.ExtractionStatus;
import dev.argus.common.message.JobResult;
import dev.argus.common.message.ProbeCategory;
import dev.argus.common.message.ProbeDescriptor;
import dev.argus.common.message.ProbeJob;
import dev.argus.common.message.ScanFile;
import dev.argus.common.message.ScanRequested;
import dev.argus.messaging.DeadLetters;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The bound on files × probes of one scan in the brain ({@code argus.brain.max-jobs-per-scan}, 4 here), for work that
 * reaches it from the broker whoever sent it: a {@code ScanRequested} over the bound is parked in
 * {@code argus.dead-letters} and never fanned out; an extraction adds no more files than the bound leaves room for.
 */
@SpringBootTest(properties = "argus.brain.max-jobs-per-scan=4")
@DirtiesContext
class ScanBoundIntegrationTests extends AbstractBrainClientTests {

    private final List<Message> deadLetters = new ArrayList<>();

    @Test
    void aScanRequestedOverTheBoundIsParkedAndNeverFannedOut() {
        ProbeDescriptor first = descriptor(newProbeName(), null);
        ProbeDescriptor second = descriptor(newProbeName(), null);
        client.registerOnline(first, second);
        UUID scanId = UUID.randomUUID();

        client.requestScan(new ScanRequested(scanId, List.of(file("text/plain"), file("text/plain"),
                file("text/plain")), List.of(first.name(), second.name()), false, Instant.now()));

        Message parked = awaitParked(scanId);
        assertThat(parked.getMessageProperties().<String>getHeader(DeadLetters.ERROR))
                .contains("6 jobs, over the bound of 4");
        assertThat(jobCount(scanId)).isZero();
        assertThat(client.queuedMessages(first.name())).isZero();
        assertThat(client.queuedMessages(second.name())).isZero();
    }

    @Test
    void anExtractionAddsNoMoreFilesThanTheBoundLeavesRoomFor() {
        ProbeDescriptor extractor = new ProbeDescriptor(newProbeName(), "Test extractor", ProbeCategory.EXTRACTOR,
                "0.1.0", "x1", null, "^application/zip$", 5_000);
        ProbeDescriptor antivirus = descriptor(newProbeName(), null);
        client.registerOnline(extractor, antivirus);
        ScanFile zip = file("application/zip");
        UUID scanId = UUID.randomUUID();
        client.requestScan(new ScanRequested(scanId, List.of(zip), List.of(extractor.name(), antivirus.name()), false,
                Instant.now()));
        ProbeJob extractJob = client.awaitJob(extractor.name());
        client.awaitJob(antivirus.name());
        await().atMost(WAIT).until(() -> jobCount(scanId) == 2);

        // room for 4 / 2 probes = 2 files: the zip and one member
        List<ExtractedFile> members = List.of(member(zip.sha256(), "a.txt"), member(zip.sha256(), "b.txt"),
                member(zip.sha256(), "c.txt"));
        client.sendResult(new JobResult(extractJob.jobId(), scanId, zip.sha256(), extractor.name(), 1, false, false,
                false, new EngineResult(Category.UNDETECTED, null, "x1", null, 5, null, Map.of()),
                new ExtractionReport(new Extraction(ExtractionStatus.EXTRACTED, null, 3), members)));

        JobResult relay = client.awaitBrainResults(scanId, 1).getFirst();
        assertThat(relay.extracted().files()).as("the report is relayed whole").hasSize(3);
        await().atMost(WAIT).until(() -> jobCount(scanId) == 4);
        await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> jobCount(scanId) == 4);
        assertThat(jdbc.queryForObject("select count(distinct sha256) from brain.job where scan_id = ?",
                Integer.class, scanId)).isEqualTo(2);
    }

    private static ExtractedFile member(String parent, String path) {
        String hex = newSha256();
        return new ExtractedFile(hex, hex.substring(0, 32), hex.substring(0, 40), 100, "text/plain", parent, path, 1,
                null);
    }

    private int jobCount(UUID scanId) {
        return jdbc.queryForObject("select count(*) from brain.job where scan_id = ?", Integer.class, scanId);
    }

    private Message awaitParked(UUID scanId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            Message message;
            while ((message = rabbit.receive(Topology.DEAD_LETTER_QUEUE)) != null) {
                deadLetters.add(message);
            }
            return deadLetters.stream()
                    .filter(m -> new String(m.getBody(), StandardCharsets.UTF_8).contains(scanId.toString()))
                    .findFirst().orElse(null);
        }, m -> m != null);
    }
}
