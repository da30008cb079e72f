package dev.argus.bench.launch;

import dev.argus.bench.pipeline.ArgusApi;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts Argus for a run: either the three packaged jars against the machine's RabbitMQ, PostgreSQL, FTP server
 * and clamd (vhost and database emptied first), or the standalone jar on a scratch data directory. Either way the
 * probe runs only the clamav engine with {@code concurrency} consumers, uploads may be up to 2 GB, a random admin
 * key is set as the bootstrap key and the rate limit is lifted, and the processes log the stage timings the
 * report's breakdown reads ({@code dev.argus.timing} at DEBUG). The build started is the one in {@code argusHome}:
 * a repository or worktree ({@code <module>/target/argus-<module>.jar}) or a directory holding the jars
 * ({@code argus-<module>.jar}), either with its own {@code scripts/jvm/} options, so that one bench binary can
 * measure two builds alternately.
 */
public final class Launcher {

    /** On a busy two-core machine the JVMs take a while to start. */
    private static final Duration STARTUP = Duration.ofMinutes(4);

    private final Path argusHome;
    private final Path logDirectory;
    private final Services services;

    /** Where the machine's services are, for the processes mode. */
    public record Services(String rabbitHost, String vhost, String jdbcUrl, String dbUser, String dbPassword,
                           String clamavDatabase) {
    }

    /** @param argusHome the build to start: its jars, its {@code scripts/jvm/} and the processes' working directory */
    public Launcher(Path argusHome, Path logDirectory, Services services) {
        this.argusHome = argusHome;
        this.logDirectory = logDirectory;
        this.services = services;
    }

    /** The three jars as separate processes. */
    public Deployment processes(int concurrency) throws Exception {
        ServiceReset.reset(services.rabbitHost(), services.vhost(), services.jdbcUrl(), services.dbUser(),
                services.dbPassword());
        int port = freePort();
        String key = randomKey();
        Map<String, String> environment = environment(key);
        List<String> shared = List.of("--spring.rabbitmq.host=" + services.rabbitHost(),
                "--spring.rabbitmq.virtual-host=" + services.vhost(),
                "--spring.datasource.url=" + services.jdbcUrl(),
                "--logging.level.dev.argus.timing=DEBUG");
        Path work = Files.createTempDirectory("argus-bench-probe");
        List<JavaProcess> started = new ArrayList<>();
        try {
            // The brain's and probe's actuators on free ports: nothing else on the machine is in their way.
            started.add(start("brain", shared, List.of("--server.port=0"), environment));
            started.add(start("probe", shared, List.of("--server.port=0", "--argus.probe.engines=clamav",
                    "--argus.probe.concurrency=" + concurrency, "--argus.probe.work-dir=" + work,
                    "--argus.probe.clamav.database-directory=" + services.clamavDatabase()), environment));
            started.add(start("frontend", shared, List.of("--server.port=" + port,
                    "--argus.upload.max-file-size=2GB"), environment));
        } catch (IOException | RuntimeException e) {
            stopAll(started);
            throw e;
        }
        Map<String, Long> pids = new LinkedHashMap<>();
        started.forEach(process -> pids.put(process.module(), process.pid()));
        return awaitReady(new Deployment("processes", "http://127.0.0.1:" + port, key, pids,
                started.stream().map(JavaProcess::log).toList(), started));
    }

    /** The standalone jar: one JVM with embedded broker, database and FTP server, and the machine's clamd. */
    public Deployment standalone(int concurrency) throws Exception {
        int port = freePort();
        String key = randomKey();
        Path data = Files.createTempDirectory("argus-bench-standalone");
        JavaProcess process = JavaProcess.start(argusHome, "standalone", jar(argusHome, "standalone"),
                List.of("--argus.standalone.data-dir=" + data, "--server.port=" + port,
                        "--argus.probe.engines=clamav", "--argus.probe.concurrency=" + concurrency,
                        "--argus.upload.max-file-size=2GB", "--logging.level.dev.argus.timing=DEBUG"),
                environment(key), logDirectory);
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String role : List.of("frontend", "brain", "probe")) {
            pids.put(role, process.pid());
        }
        return awaitReady(new Deployment("standalone", "http://127.0.0.1:" + port, key, pids,
                List.of(process.log()), List.of(process)));
    }

    private JavaProcess start(String module, List<String> shared, List<String> own, Map<String, String> environment)
            throws IOException {
        List<String> arguments = new ArrayList<>(shared);
        arguments.addAll(own);
        return JavaProcess.start(argusHome, module, jar(argusHome, module), arguments, environment, logDirectory);
    }

    /** {@code <module>/target/argus-<module>.jar} in a repository, else {@code argus-<module>.jar} beside the rest. */
    public static Path jar(Path argusHome, String module) {
        Path built = argusHome.resolve(module).resolve("target").resolve("argus-" + module + ".jar");
        return Files.isRegularFile(built) ? built : argusHome.resolve("argus-" + module + ".jar");
    }

    private static Map<String, String> environment(String key) {
        // MALLOC_ARENA_MAX as scripts/run-local.sh and the container image set it.
        return Map.of("ARGUS_SECURITY_BOOTSTRAP_ADMIN_KEY", key,
                "ARGUS_SECURITY_RATE_LIMIT_REQUESTS_PER_MINUTE", "100000000", "MALLOC_ARENA_MAX", "2");
    }

    private static Deployment awaitReady(Deployment deployment) throws Exception {
        ArgusApi api = new ArgusApi(deployment.baseUrl(), deployment.apiKey());
        long deadline = System.nanoTime() + STARTUP.toNanos();
        try {
            while (!api.probeOnline("clamav")) {
                deployment.checkAlive();
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("probe clamav not online within " + STARTUP + "; logs: "
                            + deployment.logs());
                }
                Thread.sleep(250);
            }
        } catch (Exception | Error e) {
            deployment.close();
            throw e;
        }
        return deployment;
    }

    private static void stopAll(List<JavaProcess> started) throws InterruptedException {
        for (JavaProcess process : started.reversed()) {
            process.stop();
        }
    }

    /** 256 random bits, base64url: 43 characters, what the security issue asks of a bootstrap key. */
    static String randomKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
