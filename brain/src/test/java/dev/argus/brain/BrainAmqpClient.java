package dev.argus.brain;

import static org.awaitility.Awaitility.await;

import dev.argus.common.amqp.Topology;
import dev.argus.common.message.CancelScan;
import dev.argus.common.message.Category;
import dev.argus.common.message.EngineResult;
import dev.argus.common.message.ProbeCategory;
import dev.argus.common.message.ProbeDescriptor;
import dev.argus.common.message.ProbeDirectoryUpdated;
import dev.argus.common.message.ProbeJob;
import dev.argus.common.message.ProbeRegistered;
import dev.argus.common.message.ProbeResult;
import dev.argus.common.message.ProbeStatus;
import dev.argus.common.message.ResultReported;
import dev.argus.common.message.ScanDispatched;
import dev.argus.common.message.ScanFile;
import dev.argus.common.message.ScanRequested;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.QueueInformation;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Drives the brain over AMQP the way a frontend and a probe do: publishes requests, registrations and
 * results, and reads what the brain published from the frontend queues and the probes' job queues.
 */
final class BrainAmqpClient {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final String ENGINE_VERSION = "1.4.6";
    static final String SIGNATURE_VERSION = "27800";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RabbitTemplate rabbit;
    private final AmqpAdmin admin;
    private final List<Object> events = new CopyOnWriteArrayList<>();
    private final List<ProbeDirectoryUpdated> directories = new CopyOnWriteArrayList<>();
    private final Set<String> probes = new LinkedHashSet<>();

    BrainAmqpClient(RabbitTemplate rabbit, AmqpAdmin admin) {
        this.rabbit = rabbit;
        this.admin = admin;
    }

    /** Empties the frontend queues (declaring them if needed) so a test only sees what it caused. */
    void purgeFrontendQueues() {
        for (String queue : List.of(Topology.EVENTS_QUEUE, Topology.DIRECTORY_QUEUE)) {
            admin.declareQueue(new org.springframework.amqp.core.Queue(queue, true, false, false));
            admin.purgeQueue(queue, false);
        }
        events.clear();
        directories.clear();
    }

    // ---- test data

    static String newProbeName() {
        return "it-" + HexFormat.of().formatHex(bytes(4));
    }

    static String newSha256() {
        return HexFormat.of().formatHex(bytes(32));
    }

    static ProbeDescriptor descriptor(String name, String mimeTypes) {
        return new ProbeDescriptor(name, "Test " + name, ProbeCategory.ANTIVIRUS, "0.1.0", ENGINE_VERSION,
                SIGNATURE_VERSION, mimeTypes, 5_000);
    }

    static ScanFile file(String mimeType) {
        return new ScanFile(newSha256(), 68, mimeType);
    }

    static EngineResult undetected() {
        return new EngineResult(Category.UNDETECTED, null, ENGINE_VERSION, SIGNATURE_VERSION, 12, null,
                Map.of("scanned", true));
    }

    static EngineResult crashed(String error) {
        return new EngineResult(Category.FAILURE, null, ENGINE_VERSION, SIGNATURE_VERSION, 3, error, Map.of());
    }

    static ProbeResult resultFor(ProbeJob job, boolean retryable, EngineResult result) {
        return new ProbeResult(job.jobId(), job.scanId(), job.sha256(), job.probe(), job.attempt(), "it-instance",
                retryable, result, Instant.now());
    }

    // ---- acting as a probe

    /** Registers the probes as one instance seen at {@code at}; remembers them for {@link #cleanUp}. */
    void register(Instant at, ProbeDescriptor... engines) {
        for (ProbeDescriptor engine : engines) {
            probes.add(engine.name());
        }
        rabbit.convertAndSend(Topology.BRAIN_EXCHANGE, Topology.PROBES_KEY,
                new ProbeRegistered("it-" + UUID.randomUUID(), List.of(engines), at));
    }

    /** Registers the probes now and waits until the brain's directory shows every one of them online. */
    void registerOnline(ProbeDescriptor... engines) {
        register(Instant.now(), engines);
        awaitDirectory(d -> List.of(engines).stream().allMatch(e -> d.probes().stream()
                .anyMatch(s -> s.probe().name().equals(e.name()) && s.online())));
    }

    void sendResult(ProbeResult result) {
        rabbit.convertAndSend(Topology.BRAIN_EXCHANGE, Topology.RESULTS_KEY, result);
    }

    ProbeJob awaitJob(String probe) {
        return await().atMost(WAIT).until(() -> (ProbeJob) rabbit.receiveAndConvert(Topology.probeQueue(probe), 100),
                job -> job != null);
    }

    List<ProbeJob> awaitJobs(String probe, int count) {
        List<ProbeJob> jobs = new ArrayList<>();
        while (jobs.size() < count) {
            jobs.add(awaitJob(probe));
        }
        return jobs;
    }

    int queuedJobs(String probe) {
        QueueInformation info = admin.getQueueInfo(Topology.probeQueue(probe));
        return info == null ? 0 : (int) info.getMessageCount();
    }

    // ---- acting as a frontend

    void requestScan(ScanRequested request) {
        rabbit.convertAndSend(Topology.BRAIN_EXCHANGE, Topology.SCANS_KEY, request);
    }

    UUID requestScan(List<ScanFile> files, List<String> probeNames, boolean force) {
        UUID scanId = UUID.randomUUID();
        requestScan(new ScanRequested(scanId, files, probeNames, force, Instant.now()));
        return scanId;
    }

    void cancel(UUID scanId) {
        rabbit.convertAndSend(Topology.BRAIN_EXCHANGE, Topology.SCANS_KEY, new CancelScan(scanId, Instant.now()));
    }

    /** Every ResultReported of the scan received so far. */
    List<ResultReported> results(UUID scanId) {
        drainEvents();
        return events.stream().filter(ResultReported.class::isInstance).map(ResultReported.class::cast)
                .filter(r -> r.scanId().equals(scanId)).toList();
    }

    /** Every ScanDispatched of the scan received so far. */
    List<ScanDispatched> dispatched(UUID scanId) {
        drainEvents();
        return events.stream().filter(ScanDispatched.class::isInstance).map(ScanDispatched.class::cast)
                .filter(d -> d.scanId().equals(scanId)).toList();
    }

    List<ResultReported> awaitResults(UUID scanId, int count) {
        return await().atMost(WAIT).until(() -> results(scanId), r -> r.size() >= count);
    }

    ScanDispatched awaitDispatched(UUID scanId) {
        return await().atMost(WAIT).until(() -> dispatched(scanId), d -> !d.isEmpty()).getFirst();
    }

    ProbeDirectoryUpdated awaitDirectory(Predicate<ProbeDirectoryUpdated> condition) {
        return await().atMost(WAIT).until(() -> {
            Object message;
            while ((message = rabbit.receiveAndConvert(Topology.DIRECTORY_QUEUE)) != null) {
                directories.add((ProbeDirectoryUpdated) message);
            }
            return directories.stream().filter(condition).findFirst().orElse(null);
        }, d -> d != null);
    }

    static ProbeStatus statusOf(ProbeDirectoryUpdated directory, String probe) {
        return directory.probes().stream().filter(s -> s.probe().name().equals(probe)).findFirst().orElseThrow();
    }

    private void drainEvents() {
        Object message;
        while ((message = rabbit.receiveAndConvert(Topology.EVENTS_QUEUE)) != null) {
            events.add(message);
        }
    }

    /** Deletes the test probes' queues and registry rows, so test runs do not pile up probes. */
    void cleanUp(JdbcTemplate jdbc) {
        for (String probe : probes) {
            admin.deleteQueue(Topology.probeQueue(probe));
            jdbc.update("delete from brain.probe where name = ?", probe);
        }
        probes.clear();
    }

    private static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
