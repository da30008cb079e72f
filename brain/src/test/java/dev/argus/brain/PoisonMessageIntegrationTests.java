package dev.argus.brain;

import static dev.argus.brain.BrainAmqpClient.WAIT;
import static dev.argus.brain.BrainAmqpClient.descriptor;
import static dev.argus.brain.BrainAmqpClient.file;
import static dev.argus.brain.BrainAmqpClient.newProbeName;
import static dev.argus.brain.BrainAmqpClient.resultFor;
import static dev.argus.brain.BrainAmqpClient.undetected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.argus.common.amqp.MessageTypes;
import dev.argus.common.amqp.Topology;
import dev.argus.common.message.ProbeDescriptor;
import dev.argus.common.message.ProbeJob;
import dev.argus.messaging.DeadLetters;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Poison messages on {@code argus.brain.results}: parked in {@code argus.dead-letters} (read back from that queue),
 * at once when unreadable, after {@code argus.brain.max-failures} handlings when booking them keeps failing; the
 * messages behind them are handled all the same.
 */
@SpringBootTest(properties = "argus.brain.max-failures=3")
@DirtiesContext
class PoisonMessageIntegrationTests extends AbstractBrainClientTests {

    private static final Duration PARK_WAIT = Duration.ofSeconds(30);

    private final List<Message> deadLetters = new ArrayList<>();

    @Test
    void aResultsMessageThatIsNotJsonIsParkedAtOnceAndTheResultBehindItIsBooked() {
        ProbeDescriptor probe = descriptor(newProbeName(), null);
        client.registerOnline(probe);
        client.requestScan(List.of(file("text/plain")), List.of(probe.name()), false);
        ProbeJob job = client.awaitJob(probe.name());
        String marker = "not JSON " + UUID.randomUUID();
        MessageProperties properties = new MessageProperties();
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        properties.setHeader(MessageTypes.TYPE_HEADER, "ResultsReported");
        properties.setMessageId(UUID.randomUUID().toString());

        rabbit.send(Topology.RESULTS_EXCHANGE, Topology.probeResultKey(probe.name()),
                new Message(marker.getBytes(StandardCharsets.UTF_8), properties));
        client.sendResult(resultFor(job, false, undetected()));

        awaitStatus(job.jobId(), "DONE");
        Message parked = awaitParked(m -> new String(m.getBody(), StandardCharsets.UTF_8).equals(marker));
        assertThat(parked.getMessageProperties().getHeaders())
                .containsEntry(DeadLetters.QUEUE, Topology.BRAIN_RESULTS_QUEUE)
                .containsEntry(DeadLetters.EXCHANGE, Topology.RESULTS_EXCHANGE)
                .containsEntry(DeadLetters.ROUTING_KEY, Topology.probeResultKey(probe.name()))
                .containsEntry(DeadLetters.FAILURES, 1)
                .containsEntry(DeadLetters.PROCESS, "argus-brain")
                .containsEntry(MessageTypes.TYPE_HEADER, "ResultsReported");
        assertThat(parked.getMessageProperties().<String>getHeader(DeadLetters.ERROR)).startsWith("unreadable: ");
    }

    @Test
    void aResultsMessageWhoseBookingAlwaysFailsIsParkedAfterMaxFailuresAndDoesNotBlockTheOthers() {
        ProbeDescriptor probe = descriptor(newProbeName(), null);
        client.registerOnline(probe);
        client.requestScan(List.of(file("text/plain"), file("text/plain")), List.of(probe.name()), false);
        List<ProbeJob> jobs = client.awaitJobs(probe.name(), 2);
        ProbeJob poisoned = jobs.get(0);
        ProbeJob good = jobs.get(1);
        String trigger = "it_poison_" + poisoned.jobId().toString().replace("-", "");
        // the database refuses to finish this one job (SQL state P0001): a failure the message itself causes
        jdbc.execute("""
                create function brain.%1$s() returns trigger language plpgsql as $f$
                begin
                    if new.id = '%2$s' and new.status <> 'PENDING' then
                        raise exception 'poisoned job %%', new.id;
                    end if;
                    return new;
                end $f$""".formatted(trigger, poisoned.jobId()));
        jdbc.execute("create trigger %1$s before update on brain.job for each row execute function brain.%1$s()"
                .formatted(trigger));
        try {
            client.sendResult(resultFor(poisoned, false, undetected()));
            client.sendResult(resultFor(good, false, undetected()));

            awaitStatus(good.jobId(), "DONE");
            Message parked = awaitParked(m -> new String(m.getBody(), StandardCharsets.UTF_8)
                    .contains(poisoned.jobId().toString()));
            assertThat(parked.getMessageProperties().getHeaders())
                    .containsEntry(DeadLetters.QUEUE, Topology.BRAIN_RESULTS_QUEUE)
                    .containsEntry(DeadLetters.FAILURES, 3)
                    .containsEntry(DeadLetters.PROCESS, "argus-brain");
            assertThat(parked.getMessageProperties().<String>getHeader(DeadLetters.ERROR))
                    .contains("poisoned job " + poisoned.jobId());
            assertThat(jdbc.queryForObject("select status from brain.job where id = ?", String.class,
                    poisoned.jobId())).isEqualTo("PENDING");
        } finally {
            jdbc.execute("drop trigger if exists %1$s on brain.job".formatted(trigger));
            jdbc.execute("drop function if exists brain.%1$s()".formatted(trigger));
        }
    }

    private void awaitStatus(UUID jobId, String status) {
        await().atMost(WAIT).until(() -> status.equals(jdbc.queryForObject("select status from brain.job where id = ?",
                String.class, jobId)));
    }

    /** Reads {@code argus.dead-letters} until a parked message matches; the others are kept aside. */
    private Message awaitParked(Predicate<Message> match) {
        return await().atMost(PARK_WAIT).until(() -> {
            Message message;
            while ((message = rabbit.receive(Topology.DEAD_LETTER_QUEUE)) != null) {
                deadLetters.add(message);
            }
            return deadLetters.stream().filter(match).findFirst().orElse(null);
        }, m -> m != null);
    }
}
