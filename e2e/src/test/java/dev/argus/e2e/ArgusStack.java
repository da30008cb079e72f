package dev.argus.e2e;

import static org.awaitility.Awaitility.await;

import dev.argus.testsupport.ArgusTestClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.Map;

/**
 * The three packaged jars (brain, a probe with the engines a test class asks for, frontend on a free port) started against the run's own
 * vhost and database, emptied first, each with its own least-privilege RabbitMQ user and the probe with the
 * read-only FTP account, as in production. Each end-to-end test class starts its own stack and stops it after its
 * tests, so several classes run one after the other in one Maven run.
 */
final class ArgusStack {

    /** The first admin's key, given to the frontend as ARGUS_SECURITY_BOOTSTRAP_ADMIN_KEY. */
    static final String ADMIN_KEY = "e2e-admin-key-" + UUID.randomUUID();

    /**
     * Generous: on a busy two-core machine the three JVMs take a while to start (over three minutes when other
     * builds run alongside).
     */
    static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(6);

    final ArgusProcess brain;
    final ArgusProcess probe;
    final ArgusProcess frontend;
    final ArgusTestClient api;
    final Path probeWorkDir;
    final int port;

    final List<String> engines;

    private ArgusStack(String name, TestEnvironment.Services services, List<String> engines,
                       List<String> brainArguments, List<String> probeArguments, List<String> frontendArguments)
            throws IOException {
        this.engines = List.copyOf(engines);
        this.port = freePort();
        this.probeWorkDir = Files.createTempDirectory("argus-e2e-probe");
        List<String> shared = services.arguments();
        // The brain's and the probe's actuators on free ports: stacks of other runs may be on this host.
        this.brain = new ArgusProcess(name, "brain", concat(concat(concat(shared,
                TestEnvironment.credentials("brain")), List.of("--server.port=0")), brainArguments));
        this.probe = new ArgusProcess(name, "probe", concat(concat(concat(shared, TestEnvironment.credentials("probe")),
                List.of("--server.port=0", "--argus.probe.work-dir=" + probeWorkDir,
                        "--argus.probe.clamav.database-directory=" + TestEnvironment.CLAMAV_DB,
                        "--argus.probe.yara.rules-dir=" + TestEnvironment.YARA_RULES,
                        "--argus.probe.hashlist.dir=" + TestEnvironment.HASH_LISTS,
                        "--argus.probe.cli.config-dir=" + TestEnvironment.CLI_ENGINES,
                        "--argus.probe.cli.variables.clamscan.database=" + TestEnvironment.CLAMAV_DB,
                        "--argus.probe.engines=" + String.join(",", engines))), probeArguments));
        List<String> frontendOwn = concat(TestEnvironment.credentials("frontend"), List.of("--server.port=" + port));
        this.frontend = new ArgusProcess(name, "frontend", concat(shared, concat(frontendOwn, frontendArguments)),
                Map.of("ARGUS_SECURITY_BOOTSTRAP_ADMIN_KEY", ADMIN_KEY));
        this.api = ArgusTestClient.onPort(port, ADMIN_KEY);
    }

    /**
     * Empties the vhost and database, starts the three processes, the probe running exactly {@code engines},
     * and waits until the frontend lists them all online (within {@link #STARTUP_TIMEOUT}). name prefixes the log files in target/e2e-logs/.
     */
    static ArgusStack start(String name, List<String> engines, String... frontendArguments) throws Exception {
        return start(name, TestEnvironment.SHARED, engines, List.of(), List.of(), List.of(frontendArguments));
    }

    /** As above, against the given services, with extra arguments for each process. */
    static ArgusStack start(String name, TestEnvironment.Services services, List<String> engines,
                            List<String> brainArguments, List<String> probeArguments, List<String> frontendArguments)
            throws Exception {
        TestEnvironment.reset(services);
        ArgusStack stack = new ArgusStack(name, services, engines, brainArguments, probeArguments, frontendArguments);
        try {
            stack.brain.start();
            stack.probe.start();
            stack.frontend.start();
            await("probes " + engines + " online through brain and frontend").atMost(STARTUP_TIMEOUT)
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> engines.stream().allMatch(stack.api::probeOnline));
        } catch (Exception | Error e) {
            stack.stop();
            throw e;
        }
        return stack;
    }

    /** The frontend's base URL, e.g. http://127.0.0.1:41234. */
    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    void stop() throws InterruptedException {
        for (ArgusProcess process : new ArgusProcess[] {frontend, probe, brain}) {
            process.stop();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
