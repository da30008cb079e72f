package dev.argus.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The three packaged jars (brain, probe with ClamAV, frontend on a free port) started against the run's own
 * vhost and database, emptied first. Each end-to-end test class starts its own stack and stops it after its
 * tests, so several classes run one after the other in one Maven run.
 */
final class ArgusStack {

    /** Generous: on a busy two-core machine the three JVMs take a while to start. */
    static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

    final ArgusProcess brain;
    final ArgusProcess probe;
    final ArgusProcess frontend;
    final ArgusApi api;
    final Path probeWorkDir;
    final int port;

    private ArgusStack(String name, List<String> frontendArguments) throws IOException {
        this.port = freePort();
        this.probeWorkDir = Files.createTempDirectory("argus-e2e-probe");
        List<String> shared = List.of(
                "--spring.rabbitmq.host=" + TestEnvironment.RABBIT_HOST,
                "--spring.rabbitmq.virtual-host=" + TestEnvironment.VHOST,
                "--spring.datasource.url=" + TestEnvironment.JDBC_URL);
        this.brain = new ArgusProcess(name, "brain", shared);
        this.probe = new ArgusProcess(name, "probe", concat(shared,
                List.of("--argus.probe.work-dir=" + probeWorkDir,
                        "--argus.probe.clamav.database-directory=" + TestEnvironment.CLAMAV_DB)));
        this.frontend = new ArgusProcess(name, "frontend", concat(shared,
                concat(List.of("--server.port=" + port), frontendArguments)));
        this.api = new ArgusApi(port);
    }

    /**
     * Empties the vhost and database, starts the three processes and waits until the frontend lists clamav
     * online (within {@link #STARTUP_TIMEOUT}). name prefixes the log files in target/e2e-logs/.
     */
    static ArgusStack start(String name, String... frontendArguments) throws Exception {
        TestEnvironment.reset();
        ArgusStack stack = new ArgusStack(name, List.of(frontendArguments));
        try {
            stack.brain.start();
            stack.probe.start();
            stack.frontend.start();
            await("clamav probe online through brain and frontend").atMost(STARTUP_TIMEOUT)
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> stack.api.probeOnline("clamav"));
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
