package dev.argus.e2e;

import static dev.argus.testsupport.ArgusTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.argus.testsupport.ArgusTestClient;
import dev.argus.testsupport.ArgusTestClient.Multipart;
import java.net.http.HttpResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Proves that Argus loses no scan, leaves none stuck and stores no result twice while each of its processes and
 * services fails in turn under load. Frontend, brain and a clamav probe run as three processes over a real
 * RabbitMQ node, PostgreSQL cluster and vsftpd of their own (.ci/fault-services.sh: ports 5673, 5433, 2122, so
 * the machine's shared services are never disturbed) and the shared clamd. {@value #CLIENTS} client threads
 * upload {@value #FILES} unique files, one per request, retrying every upload that gets no 2xx (refused
 * connection, 5xx, 429) as a real client would. Every {@value #FAULT_SPACING} accepted uploads one fault is
 * injected, the next only after the system is back, while uploads go on:
 * <ol>
 *   <li>the brain is killed with SIGKILL and restarted;</li>
 *   <li>RabbitMQ's application is stopped and started again ({@code rabbitmqctl stop_app / start_app});</li>
 *   <li>PostgreSQL restarts ({@code pg_ctlcluster … restart -m fast});</li>
 *   <li>the FTP server is killed (listener and sessions) and started again;</li>
 *   <li>the probe is killed with SIGKILL and restarted;</li>
 *   <li>the frontend is killed with SIGKILL the moment a client receives a 202, then restarted.</li>
 * </ol>
 * Then every upload that got a 2xx must end {@code finished} with exactly one result for its (file, probe),
 * counted in PostgreSQL: none lost, none stuck (no scan queued or running, no job pending), no duplicate row.
 * Results a fault turned into {@code failure} or {@code timeout} are allowed and counted in the printed
 * summary; nothing here is timed except generous bounds for liveness. The faults run commands as root.
 */
class FaultInjectionEndToEndTests {

    static final int FILES = 1050;
    static final int CLIENTS = 4;
    static final int FAULT_SPACING = 150;
    static final String PROBE = "clamav";
    /** Every this many files one contains EICAR (with a unique tail, so it stays a distinct file). */
    static final int EICAR_EVERY = 100;
    static final byte[] EICAR = PipelineEndToEndTests.EICAR;
    /** Generous: a restart of a JVM on a busy two-core machine. */
    static final Duration RECOVERY_TIMEOUT = Duration.ofMinutes(4);
    /** How long the accepted scans may take to finish after the last upload: liveness, not speed. */
    static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(10);

    static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    static final Path FAULT_SERVICES = ROOT.resolve(".ci/fault-services.sh");
    static final Path FAULT_STATE = Path.of(TestEnvironment.env("ARGUS_SERVICES_DIR", "/var/lib/argus-ci"), "fault");
    static final String RABBIT_NODE = TestEnvironment.env("ARGUS_FAULT_RABBIT_NODE", "argus-fault@localhost");
    static final String PG_CLUSTER = "argusfault";
    static final TestEnvironment.Services SERVICES = TestEnvironment.FAULT;

    private final String nonce = UUID.randomUUID().toString();
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final AtomicInteger acceptedCount = new AtomicInteger();
    private final AtomicInteger nextFile = new AtomicInteger();
    private final LongAdder attempts = new LongAdder();
    private final Map<String, LongAdder> refusals = new ConcurrentHashMap<>();
    private final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
    /** Files with an index below this may be uploaded; raised as faults recover. */
    private final AtomicInteger uploadLimit = new AtomicInteger(2 * FAULT_SPACING);
    private final AtomicBoolean killFrontendOnNextAccept = new AtomicBoolean();
    private final CountDownLatch frontendKilled = new CountDownLatch(1);
    private final Map<String, Duration> recoveries = new LinkedHashMap<>();
    private final AtomicLong frontendKilledAtAccept = new AtomicLong(-1);

    private ArgusStack stack;

    @Test
    void losesNoScanWhenEveryProcessAndServiceFailsInTurn() throws Exception {
        long started = System.nanoTime();
        for (int port : new int[] {SERVICES.rabbitPort(), portOf(SERVICES.jdbcUrl()), SERVICES.ftpPort()}) {
            assertThat(portOpen(port)).as("the fault-injection services answer on 127.0.0.1:" + port
                    + "; start them with `bash .ci/fault-services.sh` as root (.ci/services.sh does)").isTrue();
        }
        // a fresh vhost, whatever queues an earlier run or an earlier message flow left in it
        run(false, "rabbitmqctl", "-q", "-n", RABBIT_NODE, "delete_vhost", SERVICES.vhost());
        run("bash", FAULT_SERVICES.toString(), "rabbitmq");
        stack = ArgusStack.start("fault", SERVICES, List.of(PROBE),
                // a job lost with a fault times out in 3 minutes instead of 10, so the run ends sooner
                List.of("--argus.brain.job-deadline=3m"),
                List.of(),
                // the clients upload far faster than the default 600 requests a minute
                List.of("--argus.security.rate-limit.requests-per-minute=1000000"));
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            long uploadsStarted = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                running.add(clients.submit(() -> {
                    uploadUntilDone();
                    return null;
                }));
            }
            injectFaultsInTurn();
            clients.shutdown();
            for (Future<?> client : running) {
                client.get(SETTLE_TIMEOUT.toMinutes(), TimeUnit.MINUTES);
            }
            Duration uploading = Duration.ofNanos(System.nanoTime() - uploadsStarted);

            long settleStarted = System.nanoTime();
            awaitEveryAcceptedScanEnded();
            Duration settling = Duration.ofNanos(System.nanoTime() - settleStarted);

            Report report = report();
            printSummary(report, uploading, settling, Duration.ofNanos(System.nanoTime() - started));
            assertNothingLostStuckOrDuplicated(report);
        } finally {
            clients.shutdownNow();
            stack.stop();
        }
    }

    // ---------------------------------------------------------------------------------------------- clients

    private void uploadUntilDone() throws Exception {
        ArgusTestClient api = ArgusTestClient.onPort(stack.port, ArgusStack.ADMIN_KEY);
        for (int index = nextFile.getAndIncrement(); index < FILES; index = nextFile.getAndIncrement()) {
            while (index >= uploadLimit.get()) {
                Thread.sleep(50);
            }
            uploadWithRetries(api, index);
        }
    }

    private void uploadWithRetries(ArgusTestClient api, int index) throws Exception {
        Multipart upload = Upload.form(Map.of("probes", PROBE)).file("fault-" + index + ".bin", content(index));
        long backoff = 100;
        while (true) {
            attempts.increment();
            String refusal;
            try {
                HttpResponse<String> response = api.uploadStreamed(upload);
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    String id = json(response).path("id").asString();
                    if (killFrontendOnNextAccept.compareAndSet(true, false)) {
                        // right after the frontend answered: whatever it had not finished yet dies with it
                        stack.frontend.kill();
                        frontendKilledAtAccept.set(acceptedCount.get() + 1);
                        frontendKilled.countDown();
                    }
                    if (id == null || id.isBlank() || !accepted.add(id)) {
                        unexpected.add("file " + index + ": " + status + " without a new scan id: " + json(response));
                    }
                    acceptedCount.incrementAndGet();
                    return;
                }
                if (status < 500 && status != 429 && status != 408) {
                    unexpected.add("file " + index + ": " + status + " " + json(response));
                    return;
                }
                refusal = "HTTP " + status;
            } catch (UncheckedIOException e) {
                refusal = e.getCause().getClass().getSimpleName();
            }
            refusals.computeIfAbsent(refusal, key -> new LongAdder()).increment();
            Thread.sleep(backoff);
            backoff = Math.min(backoff * 2, 2_000);
        }
    }

    /** 1 to 8 KiB of random bytes, unique to this run and index; every {@value #EICAR_EVERY}th starts with EICAR. */
    private byte[] content(int index) {
        Random random = new Random(nonce.hashCode() * 31L + index);
        byte[] bytes = new byte[1024 + random.nextInt(7 * 1024 + 1)];
        random.nextBytes(bytes);
        byte[] mark = (nonce + "/" + index + "\n").getBytes(StandardCharsets.US_ASCII);
        if (index % EICAR_EVERY == EICAR_EVERY - 1) {
            System.arraycopy(EICAR, 0, bytes, 0, EICAR.length);
            System.arraycopy(mark, 0, bytes, EICAR.length, mark.length);
        } else {
            System.arraycopy(mark, 0, bytes, 0, mark.length);
        }
        return bytes;
    }

    // ----------------------------------------------------------------------------------------------- faults

    private interface Fault {
        void inject() throws Exception;
    }

    private void injectFaultsInTurn() throws Exception {
        Map<String, Fault> faults = new LinkedHashMap<>();
        faults.put("brain SIGKILL + restart", this::killAndRestartBrain);
        faults.put("RabbitMQ stop_app + start_app", this::stopAndStartRabbitMq);
        faults.put("PostgreSQL restart -m fast", this::restartPostgresql);
        faults.put("FTP server kill + start", this::killAndStartFtpServer);
        faults.put("probe SIGKILL + restart", this::killAndRestartProbe);
        faults.put("frontend SIGKILL after a 202 + restart", this::killFrontendAfterAcceptAndRestart);
        int k = 0;
        for (Map.Entry<String, Fault> fault : faults.entrySet()) {
            int threshold = FAULT_SPACING * (k + 1);
            await(fault.getKey() + " after " + threshold + " accepted uploads").atMost(SETTLE_TIMEOUT)
                    .pollInterval(Duration.ofMillis(50)).until(() -> acceptedCount.get() >= threshold);
            System.out.printf("[fault] %s at %d accepted uploads%n", fault.getKey(), acceptedCount.get());
            long start = System.nanoTime();
            fault.getValue().inject();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            recoveries.put(fault.getKey(), took);
            System.out.printf("[fault] %s: back after %.1f s, %d accepted uploads%n", fault.getKey(),
                    took.toMillis() / 1000.0, acceptedCount.get());
            k++;
            uploadLimit.set(k == faults.size() ? FILES : FAULT_SPACING * (k + 2));
        }
    }

    private void killAndRestartBrain() throws Exception {
        stack.brain.kill();
        stack.brain.start();
        awaitStarted(stack.brain, "BrainApplication");
        awaitProbeOnline();
    }

    private void stopAndStartRabbitMq() throws Exception {
        try {
            run("rabbitmqctl", "-q", "-n", RABBIT_NODE, "stop_app");
            await("RabbitMQ closes its port").atMost(RECOVERY_TIMEOUT)
                    .until(() -> !portOpen(SERVICES.rabbitPort()));
            Thread.sleep(5_000);
        } finally {
            run("rabbitmqctl", "-q", "-n", RABBIT_NODE, "start_app");
        }
        awaitPort("RabbitMQ", SERVICES.rabbitPort());
    }

    private void restartPostgresql() throws Exception {
        run("pg_ctlcluster", "--skip-systemctl-redirect", postgresqlVersion(), PG_CLUSTER, "restart", "-m", "fast");
        awaitPort("PostgreSQL", portOf(SERVICES.jdbcUrl()));
    }

    private void killAndStartFtpServer() throws Exception {
        // the listener runs in a process group of its own (.ci/fault-services.sh): the whole group, every FTP
        // session included, dies as with a service stop
        String group = Files.readString(FAULT_STATE.resolve("vsftpd.pid")).strip();
        try {
            run("kill", "-KILL", "--", "-" + group);
            await("vsftpd closes its port").atMost(RECOVERY_TIMEOUT).until(() -> !portOpen(SERVICES.ftpPort()));
            Thread.sleep(2_000);
        } finally {
            run("bash", FAULT_SERVICES.toString(), "vsftpd");
        }
        awaitPort("vsftpd", SERVICES.ftpPort());
    }

    private void killAndRestartProbe() throws Exception {
        stack.probe.kill();
        stack.probe.start();
        awaitStarted(stack.probe, "ProbeApplication");
        // the brain has seen the new instance and told the frontend, so the next fault starts on a whole system
        awaitProbeOnline();
    }

    private void killFrontendAfterAcceptAndRestart() throws Exception {
        killFrontendOnNextAccept.set(true);
        assertThat(frontendKilled.await(RECOVERY_TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                .as("a client got a 202 after the frontend kill was armed").isTrue();
        stack.frontend.start();
        awaitStarted(stack.frontend, "FrontendApplication");
        awaitProbeOnline();
    }

    private void awaitProbeOnline() {
        await("frontend lists " + PROBE + " online").atMost(RECOVERY_TIMEOUT).pollInterval(Duration.ofMillis(250))
                .until(() -> stack.api.probeOnline(PROBE));
    }

    private static void awaitStarted(ArgusProcess process, String application) {
        await(process.log().getFileName() + " says Started " + application).atMost(RECOVERY_TIMEOUT)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> Files.exists(process.log())
                        && Files.readString(process.log()).contains("Started " + application));
    }

    private static void awaitPort(String service, int port) {
        await(service + " opens 127.0.0.1:" + port).atMost(RECOVERY_TIMEOUT).pollInterval(Duration.ofMillis(250))
                .until(() -> portOpen(port));
    }

    private static boolean portOpen(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int portOf(String jdbcUrl) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("//[^:/]+:(\\d+)/").matcher(jdbcUrl);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 5432;
    }

    private static String postgresqlVersion() throws IOException {
        try (var versions = Files.list(Path.of("/etc/postgresql"))) {
            return versions.filter(dir -> Files.isDirectory(dir.resolve(PG_CLUSTER)))
                    .map(dir -> dir.getFileName().toString())
                    .max(Comparator.comparingInt(Integer::parseInt))
                    .orElseThrow(() -> new IllegalStateException("no PostgreSQL cluster " + PG_CLUSTER
                            + " in /etc/postgresql: run .ci/fault-services.sh (as root)"));
        }
    }

    /** Runs a command as this (root) user, prints its output, fails unless it exits 0. */
    private static void run(String... command) throws IOException, InterruptedException {
        run(true, command);
    }

    private static void run(boolean mustSucceed, String... command) throws IOException, InterruptedException {
        Path output = Files.createTempFile("argus-fault-command", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(output.toFile()).start();
            boolean ended = process.waitFor(RECOVERY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (!ended) {
                process.destroyForcibly();
            }
            String printed = Files.readString(output).strip();
            System.out.println("[fault] $ " + String.join(" ", command) + (printed.isEmpty() ? "" : "\n" + printed));
            assertThat(ended).as(String.join(" ", command) + " ended within " + RECOVERY_TIMEOUT).isTrue();
            if (mustSucceed) {
                assertThat(process.exitValue()).as("exit code of " + String.join(" ", command)).isZero();
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }

    // ------------------------------------------------------------------------------------------- the check

    private void awaitEveryAcceptedScanEnded() {
        // liveness only: polls the database until no accepted scan is still open, or gives up for the report
        try {
            await("every accepted scan finished").atMost(SETTLE_TIMEOUT).pollInterval(Duration.ofSeconds(1))
                    .until(() -> count("SELECT count(*) FROM frontend.scan WHERE id = ANY(?) AND status = 'finished'")
                            == accepted.size());
        } catch (org.awaitility.core.ConditionTimeoutException stuck) {
            System.out.println("[fault] not every accepted scan finished within " + SETTLE_TIMEOUT
                    + "; the assertions below say which");
        }
    }

    record Report(int accepted, List<String> lost, Map<String, Long> statuses, long results,
                  List<String> scansWithoutExactlyOneResult, List<String> duplicates, long pendingJobs,
                  long scansWithoutJob, long openScans, long unacceptedScans, Map<String, Long> categories,
                  List<String> failures, List<String> apiMismatches) {
    }

    private Report report() throws Exception {
        List<String> lost = strings("SELECT a.id::text FROM unnest(?::uuid[]) AS a(id) "
                + "WHERE NOT EXISTS (SELECT 1 FROM frontend.scan s WHERE s.id = a.id)");
        Map<String, Long> statuses = counts("SELECT status, count(*) FROM frontend.scan WHERE id = ANY(?) "
                + "GROUP BY status");
        long results = count("SELECT count(*) FROM frontend.scan_result WHERE scan_id = ANY(?)");
        List<String> notOne = strings("SELECT s.id::text || ' has ' || (SELECT count(*) FROM frontend.scan_result r "
                + "WHERE r.scan_id = s.id) || ' results, total ' || s.total || ', done ' || s.done "
                + "FROM frontend.scan s WHERE s.id = ANY(?) AND ((SELECT count(*) FROM frontend.scan_result r "
                + "WHERE r.scan_id = s.id AND r.probe = '" + PROBE + "') <> 1 OR s.total <> 1 OR s.done <> 1)");
        List<String> duplicates = strings("SELECT scan_id || ' ' || sha256 || ' ' || probe || ': ' || count(*) "
                + "FROM frontend.scan_result GROUP BY scan_id, sha256, probe HAVING count(*) > 1");
        duplicates.addAll(strings("SELECT 'brain ' || scan_id || ' ' || sha256 || ' ' || probe || ': ' || count(*) "
                + "FROM brain.job GROUP BY scan_id, sha256, probe HAVING count(*) > 1"));
        long pending = count("SELECT count(*) FROM brain.job WHERE scan_id = ANY(?) AND status = 'PENDING'");
        // a scan the frontend answered from stored results (every result cached: a retried upload whose first
        // attempt got through) never goes to the brain
        long withoutJob = count("SELECT count(*) FROM unnest(?::uuid[]) AS a(id) "
                + "WHERE NOT EXISTS (SELECT 1 FROM brain.job j WHERE j.scan_id = a.id) "
                + "AND EXISTS (SELECT 1 FROM frontend.scan_result r WHERE r.scan_id = a.id AND NOT r.cached)");
        long open = count("SELECT count(*) FROM frontend.scan WHERE status IN ('queued', 'running')");
        long unaccepted = count("SELECT count(*) FROM frontend.scan WHERE NOT (id = ANY(?))");
        Map<String, Long> categories = counts("SELECT category, count(*) FROM frontend.scan_result "
                + "WHERE scan_id = ANY(?) GROUP BY category");
        List<String> failures = strings("SELECT category || ': ' || coalesce(error, result, '') || ' (' || count(*) "
                + "|| ')' FROM frontend.scan_result WHERE scan_id = ANY(?) AND category IN ('failure', 'timeout') "
                + "GROUP BY category, coalesce(error, result, '')");
        return new Report(accepted.size(), lost, statuses, results, notOne, duplicates, pending, withoutJob, open,
                unaccepted, categories, failures, checkThroughApi());
    }

    /** A sample of the accepted scans as a user's script sees them. */
    private List<String> checkThroughApi() throws Exception {
        List<String> sample = new ArrayList<>(accepted);
        Collections.shuffle(sample);
        List<String> mismatches = new ArrayList<>();
        for (String id : sample.subList(0, Math.min(25, sample.size()))) {
            HttpResponse<String> scan = stack.api.get("/api/v1/scans/" + id);
            JsonNode results = json(scan).path("files").path(0).path("results");
            if (scan.statusCode() != 200 || !"finished".equals(json(scan).path("status").asString())
                    || json(scan).path("files").size() != 1 || results.size() != 1 || !results.has(PROBE)) {
                mismatches.add(id + ": " + scan.statusCode() + " " + json(scan));
            }
        }
        return mismatches;
    }

    private void printSummary(Report report, Duration uploading, Duration settling, Duration total) {
        StringBuilder out = new StringBuilder("\n==== fault injection summary ====\n");
        out.append(String.format("files %d, clients %d, probe %s%n", FILES, CLIENTS, PROBE));
        out.append(String.format("uploads tried %d, accepted (2xx) %d, refused and retried %d %s%n",
                attempts.sum(), report.accepted(), attempts.sum() - report.accepted() - unexpected.size(),
                refusals.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                        entry -> entry.getValue().sum(), Long::sum, TreeMap::new))));
        out.append(String.format("unexpected answers %d %s%n", unexpected.size(),
                unexpected.subList(0, Math.min(5, unexpected.size()))));
        recoveries.forEach((fault, took) -> out.append(String.format("fault %-42s back after %6.1f s%n", fault,
                took.toMillis() / 1000.0)));
        out.append(String.format("frontend killed right after the 202 of accepted upload #%d%n",
                frontendKilledAtAccept.get()));
        out.append(String.format("scans accepted by the server whose answer never reached the client: %d%n",
                report.unacceptedScans()));
        out.append(String.format("statuses of accepted scans %s, lost %d, open scans %d, pending jobs %d, "
                        + "accepted scans without a brain job %d%n", new TreeMap<>(report.statuses()),
                report.lost().size(), report.openScans(), report.pendingJobs(), report.scansWithoutJob()));
        out.append(String.format("results %d (expected %d), duplicates %d, scans without exactly one result %d%n",
                report.results(), report.accepted(), report.duplicates().size(),
                report.scansWithoutExactlyOneResult().size()));
        out.append(String.format("result categories %s%n", new TreeMap<>(report.categories())));
        report.failures().forEach(failure -> out.append("  ").append(failure).append('\n'));
        out.append(String.format("API sample mismatches %d%n", report.apiMismatches().size()));
        out.append(String.format("uploading %.1f s, settling after the last upload %.1f s, whole test %.1f s%n",
                uploading.toMillis() / 1000.0, settling.toMillis() / 1000.0, total.toMillis() / 1000.0));
        out.append("=================================\n");
        System.out.print(out);
    }

    private void assertNothingLostStuckOrDuplicated(Report report) {
        assertThat(unexpected).as("answers that are neither 2xx nor worth a retry").isEmpty();
        assertThat(report.accepted()).as("accepted uploads").isEqualTo(FILES);
        assertThat(report.lost()).as("accepted scans the frontend does not know (lost)").isEmpty();
        assertThat(report.statuses()).as("statuses of the accepted scans (stuck unless all finished)")
                .containsOnlyKeys("finished");
        assertThat(report.openScans()).as("scans still queued or running (stuck)").isZero();
        assertThat(report.pendingJobs()).as("brain jobs of accepted scans left PENDING (stuck)").isZero();
        assertThat(report.scansWithoutJob()).as("accepted scans the brain never saw").isZero();
        assertThat(report.duplicates()).as("(scan, sha256, probe) stored more than once").isEmpty();
        assertThat(report.scansWithoutExactlyOneResult()).as("accepted scans without exactly one result").isEmpty();
        assertThat(report.results()).as("results of accepted scans = files x probes").isEqualTo(report.accepted());
        assertThat(report.apiMismatches()).as("accepted scans the API does not show finished with one result")
                .isEmpty();
    }

    // ---------------------------------------------------------------------------------------------- queries

    /** The one "?" of the query, if any, is the array of accepted scan ids. */
    private long count(String sql) throws SQLException {
        try (Connection connection = SERVICES.database(); var statement = connection.prepareStatement(sql)) {
            bindAccepted(connection, statement, sql);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = SERVICES.database(); var statement = connection.prepareStatement(sql)) {
            bindAccepted(connection, statement, sql);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
        }
        return values;
    }

    private Map<String, Long> counts(String sql) throws SQLException {
        Map<String, Long> values = new LinkedHashMap<>();
        try (Connection connection = SERVICES.database(); var statement = connection.prepareStatement(sql)) {
            bindAccepted(connection, statement, sql);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return values;
    }

    private void bindAccepted(Connection connection, java.sql.PreparedStatement statement, String sql)
            throws SQLException {
        if (sql.contains("?")) {
            Array ids = connection.createArrayOf("uuid", accepted.stream().map(UUID::fromString).toArray());
            statement.setArray(1, ids);
        }
    }
}
