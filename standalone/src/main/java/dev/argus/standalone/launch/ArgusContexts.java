package dev.argus.standalone.launch;

import dev.argus.standalone.bundled.EngineFiles;
import dev.argus.probe.engine.ProbeStartupException;
import dev.argus.standalone.clamd.ClamdEndpoint;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The frontend, brain and probe contexts of a standalone run, started in parallel (on two cores this is what keeps
 * the start within seconds) and stopped together.
 *
 * <p>The probe's ClamAV engine checks clamd when the probe starts. A clamd the standalone started is waited for up to
 * {@code probeWait}; if it is still loading its signatures then (the official database takes a while), the probe
 * starts without ClamAV (its one-line warning says clamd is not reachable) and a second probe instance running only
 * ClamAV is started as soon as clamd answers. A probe that cannot run any engine is reported and left out; the
 * frontend and the brain keep running (every scan then reports the probes offline).
 */
public final class ArgusContexts implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ArgusContexts.class);

    /**
     * What the contexts are started with.
     *
     * @param dataDir   the data directory
     * @param wiring    properties every context gets with the highest precedence but the command line: the embedded
     *                  services' addresses and passwords
     * @param probeWiring what the probe gets instead: its read-only FTP account
     * @param clamd     where the ClamAV engine finds clamd
     * @param gates     the embedded services still starting
     * @param probeWait how long the probe waits for a clamd that is still starting
     * @param args      the standalone's command line, passed to every context
     */
    public record Plan(Path dataDir, Map<String, Object> wiring, Map<String, Object> probeWiring, ClamdEndpoint clamd,
                       ServiceGates gates, Duration probeWait, String[] args) {
    }

    private final Plan plan;
    private final ExecutorService executor = Executors.newFixedThreadPool(3, Thread.ofPlatform()
            .name("argus-start-", 1).factory());
    /** Started contexts with their application, in start order. */
    private final List<Map.Entry<ArgusApplication, ConfigurableApplicationContext>> contexts = new ArrayList<>();
    private ConfigurableApplicationContext frontend;
    private boolean closed;

    private ArgusContexts(Plan plan) {
        this.plan = plan;
    }

    /** Starts the three applications; returns when the frontend serves HTTP and the brain and probe are up. */
    public static ArgusContexts start(Plan plan) {
        ArgusContexts running = new ArgusContexts(plan);
        try {
            running.startAll();
            return running;
        } catch (RuntimeException e) {
            running.close();
            throw e;
        }
    }

    private void startAll() {
        CompletableFuture<ConfigurableApplicationContext> frontendStart = async(() -> run(ArgusApplication.FRONTEND,
                Map.of("argus.upload.temp-dir", plan.dataDir().resolve("work").resolve("uploads").toString())));
        CompletableFuture<ConfigurableApplicationContext> brainStart = async(() -> run(ArgusApplication.BRAIN,
                Map.of()));
        CompletableFuture<Void> probeStart = CompletableFuture.runAsync(this::startProbe, executor);
        try {
            CompletableFuture.allOf(frontendStart, brainStart, probeStart).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        frontend = frontendStart.join();
    }

    private CompletableFuture<ConfigurableApplicationContext> async(
            java.util.function.Supplier<ConfigurableApplicationContext> start) {
        return CompletableFuture.supplyAsync(start, executor);
    }

    private void startProbe() {
        ClamdEndpoint clamd = plan.clamd();
        boolean clamdUp = clamd.started() ? await(clamd.ready(), plan.probeWait()) : clamd.ready().isDone()
                && !clamd.ready().isCompletedExceptionally();
        if (clamd.started() && !clamdUp && !clamd.ready().isDone()) {
            log.info("clamd is still loading its signatures; the probe starts without ClamAV, which joins as a"
                    + " second probe instance once clamd answers");
            clamd.ready().thenRunAsync(this::startClamavProbe, executor);
        }
        runProbe(Map.of());
    }

    private void startClamavProbe() {
        log.info("clamd answers now; starting a probe instance for ClamAV");
        runProbe(Map.of("argus.probe.engines", "clamav"));
    }

    private void runProbe(Map<String, Object> extra) {
        EngineFiles.seed(plan.dataDir());
        Map<String, Object> defaults = new LinkedHashMap<>(StandaloneEngineDefaults.probe(plan.dataDir()));
        defaults.putAll(extra);
        try {
            run(ArgusApplication.PROBE, defaults);
        } catch (RuntimeException e) {
            ProbeStartupException noEngine = find(e, ProbeStartupException.class);
            if (noEngine == null) {
                throw e;
            }
            log.warn("the probe did not start: {} {}", noEngine.getMessage(), noEngine.action());
        }
    }

    /**
     * Defaults of every context in the standalone mode. Publisher returns are off: Broker-J answers an unroutable
     * mandatory message with a return and a nack, so the publisher's confirm fails and the failure is reported
     * anyway, and with returns on Spring AMQP holds every publishing channel open for 5 s at shutdown, which
     * made each stop take 5 s more.
     */
    static final Map<String, Object> COMMON_DEFAULTS = Map.of("spring.rabbitmq.publisher-returns", "false");

    private ConfigurableApplicationContext run(ArgusApplication application, Map<String, Object> appDefaults) {
        Map<String, Object> defaults = new LinkedHashMap<>(COMMON_DEFAULTS);
        defaults.putAll(appDefaults);
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("stopping");
            }
        }
        long started = System.nanoTime();
        Map<String, Object> wiring = wiringFor(application);
        ConfigurableApplicationContext context = ContextLauncher.run(application, wiring, defaults, plan.gates(),
                ContextLauncher.withoutWiredArguments(plan.args(), wiring.keySet()));
        boolean keep;
        synchronized (this) {
            keep = !closed;
            if (keep) {
                contexts.add(Map.entry(application, context));
            }
        }
        if (!keep) {
            context.close();
            throw new IllegalStateException("stopping");
        }
        log.info("{} started in {} ms, health and metrics at http://localhost:{}/actuator", application.displayName(),
                (System.nanoTime() - started) / 1_000_000, port(context));
        return context;
    }

    private Map<String, Object> wiringFor(ArgusApplication application) {
        Map<String, Object> wiring = new LinkedHashMap<>(plan.wiring());
        if (application != ArgusApplication.FRONTEND) {
            // The brain's and the probes' actuators on free loopback ports (logged): --server.port is the frontend's,
            // and the frontend's API description is not theirs.
            wiring.put("server.port", "0");
            wiring.put("server.address", "127.0.0.1");
            wiring.put("springdoc.api-docs.enabled", "false");
            wiring.put("springdoc.swagger-ui.enabled", "false");
        }
        if (application == ArgusApplication.PROBE) {
            wiring.putAll(plan.probeWiring());
            ClamdEndpoint clamd = plan.clamd();
            wiring.put("argus.probe.clamav.host", clamd.host());
            wiring.put("argus.probe.clamav.port", Integer.toString(clamd.port()));
            if (clamd.databaseDirectory() != null) {
                wiring.put("argus.probe.clamav.database-directory", clamd.databaseDirectory().toString());
            }
        }
        return wiring;
    }

    /** The port the frontend serves HTTP on. */
    public int httpPort() {
        return port(frontend);
    }

    /** The port the brain's actuator answers on. */
    public int brainPort() {
        synchronized (this) {
            return contexts.stream().filter(entry -> entry.getKey() == ArgusApplication.BRAIN)
                    .mapToInt(entry -> port(entry.getValue())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the brain is not running"));
        }
    }

    /** The ports the probe instances' actuators answer on, in start order. */
    public List<Integer> probePorts() {
        synchronized (this) {
            return contexts.stream().filter(entry -> entry.getKey() == ArgusApplication.PROBE)
                    .map(entry -> port(entry.getValue())).toList();
        }
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Stops every context: the frontend (no new uploads) and the probes first, then the brain. */
    @Override
    public void close() {
        List<Map.Entry<ArgusApplication, ConfigurableApplicationContext>> stopping;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            stopping = new ArrayList<>(contexts);
            contexts.clear();
        }
        executor.shutdownNow();
        List<CompletableFuture<Void>> closing = stopping.stream()
                .filter(entry -> entry.getKey() != ArgusApplication.BRAIN)
                .map(entry -> CompletableFuture.runAsync(() -> closeQuietly(entry)))
                .toList();
        CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).join();
        // The brain last: results the probes published while stopping are still taken in.
        stopping.stream().filter(entry -> entry.getKey() == ArgusApplication.BRAIN)
                .forEach(ArgusContexts::closeQuietly);
    }

    private static void closeQuietly(Map.Entry<ArgusApplication, ConfigurableApplicationContext> entry) {
        long started = System.nanoTime();
        try {
            entry.getValue().close();
            log.info("{} stopped in {} ms", entry.getKey().displayName(), (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("{} did not stop cleanly: {}", entry.getKey().displayName(), e.toString());
        }
    }

    private static boolean await(CompletableFuture<Void> future, Duration timeout) {
        try {
            future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
