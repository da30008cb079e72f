package dev.argus.probe.engine.clamav;

import dev.argus.common.message.Category;
import dev.argus.common.message.ProbeCategory;
import dev.argus.probe.spi.EngineDependency;
import dev.argus.probe.spi.EngineException;
import dev.argus.probe.spi.EngineVersions;
import dev.argus.probe.spi.ScanEngine;
import dev.argus.probe.spi.ScanOutcome;
import dev.argus.probe.spi.TerminalEngineException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import xyz.capybara.clamav.ClamavClient;
import xyz.capybara.clamav.ScanFailureException;
import xyz.capybara.clamav.commands.scan.result.ScanResult;

/**
 * ClamAV through a clamd daemon over TCP: files are streamed with INSTREAM, so clamd needs no access to the
 * probe's disk. A hit is {@code malicious} ({@code suspicious} when only heuristic or PUA signatures matched) with
 * the first signature name as the threat, no hit is {@code undetected}; a stream clamd refuses (e.g. over its
 * StreamMaxLength) is a terminal failure carrying clamd's answer. Thread-safe: every command uses its own
 * connection.
 */
public final class ClamavEngine implements ScanEngine, AutoCloseable {

    static final String NAME = "clamav";

    private final ClamavProperties properties;
    private final ExecutorService commands = Executors.newCachedThreadPool(Thread.ofPlatform()
            .name("clamd-command-", 0).daemon(true).factory());
    private volatile EngineVersions versions = EngineVersions.UNKNOWN;

    public ClamavEngine(ClamavProperties properties) {
        this.properties = properties;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String displayName() {
        return "ClamAV";
    }

    @Override
    public ProbeCategory category() {
        return ProbeCategory.ANTIVIRUS;
    }

    @Override
    public List<EngineDependency> dependencies() {
        return List.of(new EngineDependency.SocketReachable(properties.host(), properties.port(),
                properties.timeout()));
    }

    @Override
    public void verify() throws EngineException {
        command("PING", client -> {
            client.ping();
            return null;
        });
    }

    @Override
    public EngineVersions versions() {
        return versions;
    }

    @Override
    public EngineVersions refreshVersions() throws EngineException {
        ClamavVersion answer = ClamavVersion.parse(command("VERSION", ClamavClient::version));
        String signatures = answer.signatureVersion() != null ? answer.signatureVersion()
                : SignatureDirectoryDigest.of(properties.databaseDirectory());
        EngineVersions current = new EngineVersions(answer.engineVersion(), signatures);
        versions = current;
        return current;
    }

    @Override
    public Duration timeout() {
        return properties.scanTimeout();
    }

    @Override
    public ScanOutcome scan(Path file) throws EngineException, InterruptedException {
        EngineVersions producedBy = versions;
        ScanResult result;
        try {
            result = new ClamdInStream(file, (int) properties.streamChunkSize().toBytes(), properties.timeout())
                    .send(address());
        } catch (ScanFailureException e) {
            throw new TerminalEngineException("clamd refused the file: " + clamdAnswer(e), e);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof ClosedByInterruptException || Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("scan interrupted");
            }
            throw new EngineException("clamd at " + where() + " failed: " + e.getCause().getMessage(), e);
        } catch (RuntimeException e) {
            throw new EngineException("clamd at " + where() + " failed: " + rootCause(e), e);
        }
        if (result instanceof ScanResult.VirusFound found) {
            List<String> viruses = found.getFoundViruses().values().stream().flatMap(Collection::stream).toList();
            return new ScanOutcome(categoryOf(viruses), viruses.isEmpty() ? null : viruses.getFirst(),
                    Map.of("viruses", viruses), producedBy);
        }
        return new ScanOutcome(Category.UNDETECTED, null, Map.of(), producedBy);
    }

    @Override
    public void close() {
        commands.shutdownNow();
    }

    /** Runs a short clamd command under {@link ClamavProperties#timeout()}; the library itself has no timeout. */
    private <T> T command(String name, Function<ClamavClient, T> call) throws EngineException {
        Future<T> future = commands.submit(() -> call.apply(new ClamavClient(address())));
        try {
            return future.get(properties.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new EngineException("clamd at " + where() + " did not answer " + name + " within "
                    + properties.timeout().toMillis() + " ms", e);
        } catch (ExecutionException e) {
            Throwable cause = rootCause(e);
            throw new EngineException("clamd at " + where() + " did not answer " + name + ": " + cause, cause);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted waiting for clamd's answer to " + name, e);
        }
    }

    /** Resolved per call, so a clamd that moves to another address (container restart) is found again. */
    private InetSocketAddress address() {
        return new InetSocketAddress(properties.host(), properties.port());
    }

    /**
     * {@code suspicious} when every name is a heuristic or a potentially unwanted application ({@code Heuristics.*},
     * {@code PUA.*}, e.g. {@code Heuristics.Limits.Exceeded}), which ClamAV itself does not call a virus;
     * {@code malicious} otherwise.
     */
    static Category categoryOf(List<String> viruses) {
        boolean onlySoft = !viruses.isEmpty() && viruses.stream()
                .allMatch(name -> name.startsWith("Heuristics.") || name.startsWith("PUA."));
        return onlySoft ? Category.SUSPICIOUS : Category.MALICIOUS;
    }

    /** clamd's own words: the library's message is {@code Scan failure: <answer> ERROR}. */
    static String clamdAnswer(ScanFailureException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return message.replaceFirst("^Scan failure: ", "").replaceFirst("\\s*ERROR$", "").strip();
    }

    /** The library wraps the real error (e.g. ConnectException) in one or two layers of its own. */
    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private String where() {
        return properties.host() + ":" + properties.port();
    }
}
