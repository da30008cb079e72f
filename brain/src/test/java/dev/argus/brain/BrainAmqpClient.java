package dev.argus.brain;

import static org.awaitility.Awaitility.await;

import dev.argus.common.amqp.Topology;
import dev.argus.common.message.CancelScan;
import dev.argus.common.message.ForgetFiles;
import dev.argus.common.message.Category;
import dev.argus.common.message.EngineResult;
import dev.argus.common.message.JobResult;
import dev.argus.common.message.ProbeCategory;
import dev.argus.common.message.ProbeDescriptor;
import dev.argus.common.message.ProbeDirectoryUpdated;
import dev.argus.common.message.ProbeJob;
import dev.argus.common.message.ProbeRegistered;
import dev.argus.common.message.ProbeStatus;
import dev.argus.common.message.ResultsReported;
import dev.argus.common.message.ScanFile;
import dev.argus.common.message.ScanFiles;
import dev.argus.common.message.ScanRequested;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.QueueInformation;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Drives the brain over AMQP the way a frontend and a probe do: publishes requests, registrations and
 * results, and reads what the brain published from the frontend queues and the probes' job queues.
 */
final class BrainAmqpClient {

    /** The longest wait for what the brain should publish: generous, the tests share two busy cores. */
    static final Duration WAIT = Duration.ofSeconds(30);
    static final String ENGINE_VERSION = "1.4.6";
    static final String SIGNATURE_VERSION = "27800";
    static final String INSTANCE = "it-instance";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One {@code ResultsReported} read from {@code argus.frontend.results}, with the routing key it came with. */
    record Received(String routingKey, ResultsReported message) {

        boolean fromBrain() {
            return Topology.BRAIN_RESULT_KEY.equals(routingKey);
        }

        List<JobResult> of(UUID scanId) {
            return message.results().stream().filter(r -> scanId.equals(r.scanId())).toList();
        }
    }

    private final RabbitTemplate rabbit;
    private final AmqpAdmin admin;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<ProbeDirectoryUpdated> directories = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<ProbeJob>> unreadJobs = new ConcurrentHashMap<>();
    private final Set<String> probes = new LinkedHashSet<>();

    BrainAmqpClient(RabbitTemplate rabbit, AmqpAdmin admin) {
        this.rabbit = rabbit;
        this.admin = admin;
    }

    /** Empties the frontend queues (declaring them if needed) so a test only sees what it caused. */
    void purgeFrontendQueues() {
        for (String queue : List.of(Topology.FRONTEND_RESULTS_QUEUE, Topology.DIRECTORY_QUEUE)) {
            admin.declareQueue(new org.springframework.amqp.core.Queue(queue, true, false, false));
            admin.purgeQueue(queue, false);
        }
        received.clear();
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

    static List<ScanFile> files(int count, String mimeType) {
        List<ScanFile> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            files.add(file(mimeType));
        }
        return files;
    }

    static EngineResult undetected() {
        return new EngineResult(Category.UNDETECTED, null, ENGINE_VERSION, SIGNATURE_VERSION, 12, null,
                Map.of("scanned", true));
    }

    static EngineResult malicious(String threat) {
        return new EngineResult(Category.MALICIOUS, threat, ENGINE_VERSION, SIGNATURE_VERSION, 15, null, Map.of());
    }

    static EngineResult crashed(String error) {
        return new EngineResult(Category.FAILURE, null, ENGINE_VERSION, SIGNATURE_VERSION, 3, error, Map.of());
    }

    /** The result a probe reports for the job: it asks for a retry when retryable and not the last attempt. */
    static JobResult resultFor(ProbeJob job, boolean retryable, EngineResult result) {
        return new JobResult(job.jobId(), job.scanId(), job.sha256(), job.probe(), job.attempt(), retryable,
                retryable && !job.lastAttempt(), false, result);
    }

    // ---- acting as a probe

    /** Registers the probes as one new instance seen at {@code at}; remembers them for {@link #cleanUp}. */
    void register(Instant at, ProbeDescriptor... engines) {
        register("it-" + UUID.randomUUID(), false, at, engines);
    }

    void register(String instanceId, boolean heartbeat, Instant at, ProbeDescriptor... engines) {
        for (ProbeDescriptor engine : engines) {
            probes.add(engine.name());
        }
        String user = rabbit.getConnectionFactory().getUsername();
        rabbit.convertAndSend(Topology.REGISTRY_EXCHANGE, Topology.PROBES_KEY,
                new ProbeRegistered(instanceId, List.of(engines), heartbeat, at), m -> {
                    m.getMessageProperties().setUserId(user); // as a probe does; the broker checks it
                    return m;
                });
    }

    /** Registers the probes now and waits until the brain's directory shows every one of them online. */
    void registerOnline(ProbeDescriptor... engines) {
        register(Instant.now(), engines);
        awaitDirectory(d -> List.of(engines).stream().allMatch(e -> d.probes().stream()
                .anyMatch(s -> s.probe().name().equals(e.name()) && s.online())));
    }

    /** Publishes the results as one probe's {@code ResultsReported} on {@code argus.results} [probe.name]. */
    void sendResults(String probe, List<JobResult> results) {
        rabbit.convertAndSend(Topology.RESULTS_EXCHANGE, Topology.probeResultKey(probe),
                new ResultsReported(INSTANCE, results, Instant.now()));
    }

    void sendResult(JobResult result) {
        sendResults(result.probe(), List.of(result));
    }

    /** The next {@code ScanFiles} in the probe's queue. */
    ScanFiles awaitScanFiles(String probe) {
        return await().atMost(WAIT).until(() -> (ScanFiles) rabbit.receiveAndConvert(Topology.probeQueue(probe), 100),
                message -> message != null);
    }

    /** The next job for the probe, from the {@code ScanFiles} read so far or the next one. */
    ProbeJob awaitJob(String probe) {
        Deque<ProbeJob> unread = unreadJobs.computeIfAbsent(probe, p -> new ArrayDeque<>());
        if (unread.isEmpty()) {
            unread.addAll(awaitScanFiles(probe).jobs());
        }
        return unread.removeFirst();
    }

    List<ProbeJob> awaitJobs(String probe, int count) {
        List<ProbeJob> jobs = new ArrayList<>();
        while (jobs.size() < count) {
            jobs.add(awaitJob(probe));
        }
        return jobs;
    }

    /** Messages ({@code ScanFiles}) waiting in the probe's queue. */
    int queuedMessages(String probe) {
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

    void forgetFiles(List<String> sha256s) {
        rabbit.convertAndSend(Topology.BRAIN_EXCHANGE, Topology.SCANS_KEY, new ForgetFiles(sha256s, Instant.now()));
    }

    void cancel(UUID scanId) {
        rabbit.convertAndSend(Topology.BRAIN_EXCHANGE, Topology.SCANS_KEY, new CancelScan(scanId, Instant.now()));
    }

    /** Every {@code ResultsReported} with a result of the scan read from the frontends' queue so far, any sender. */
    List<Received> reports(UUID scanId) {
        drainResults();
        return received.stream().filter(r -> !r.of(scanId).isEmpty()).toList();
    }

    /** The {@code ResultsReported} the brain itself published (routing key {@code brain}) with results of the scan. */
    List<Received> brainReports(UUID scanId) {
        return reports(scanId).stream().filter(Received::fromBrain).toList();
    }

    /** The scan's results the brain itself published. */
    List<JobResult> brainResults(UUID scanId) {
        return brainReports(scanId).stream().flatMap(r -> r.of(scanId).stream()).toList();
    }

    List<JobResult> awaitBrainResults(UUID scanId, int count) {
        return await().atMost(WAIT).until(() -> brainResults(scanId), r -> r.size() >= count);
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

    private void drainResults() {
        Message message;
        while ((message = rabbit.receive(Topology.FRONTEND_RESULTS_QUEUE)) != null) {
            Object body;
            try {
                body = rabbit.getMessageConverter().fromMessage(message);
            } catch (RuntimeException notAResult) {
                continue; // e.g. the unreadable messages the poison tests publish
            }
            if (body instanceof ResultsReported reported) {
                received.add(new Received(message.getMessageProperties().getReceivedRoutingKey(), reported));
            }
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
