package dev.argus.probe.engine.icap;

import dev.argus.common.message.Category;
import dev.argus.common.message.ProbeCategory;
import dev.argus.probe.spi.EngineDependency;
import dev.argus.probe.spi.EngineException;
import dev.argus.probe.spi.EngineVersions;
import dev.argus.probe.spi.ScanEngine;
import dev.argus.probe.spi.ScanOutcome;
import dev.argus.probe.spi.TerminalEngineException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An antivirus gateway spoken to over ICAP (RFC 3507), e.g. c-icap with its ClamAV module: each file is sent as
 * the body of an HTTP response in a RESPMOD request, with a preview when the server asks for one. OPTIONS gives
 * the versions: the product token of its {@code Service} header is the engine version, its {@code ISTag} (which a
 * server changes whenever its signatures change) the signature version. How answers map to results is in
 * {@link IcapVerdict}. Thread-safe: every exchange uses its own connection.
 */
public final class IcapEngine implements ScanEngine {

    static final String NAME = "icap";
    private static final Logger log = LoggerFactory.getLogger(IcapEngine.class);

    private final IcapProperties properties;
    private final IcapClient client;
    private final IcapVerdict verdict;
    private volatile IcapOptions options;
    private volatile EngineVersions versions = EngineVersions.UNKNOWN;

    public IcapEngine(IcapProperties properties) {
        this.properties = properties;
        this.client = new IcapClient(properties);
        this.verdict = new IcapVerdict(new ThreatHeaders(properties.threatHeaders()), properties.serviceUri());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String displayName() {
        return properties.displayName();
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

    /**
     * Asks for the service's OPTIONS, checks it offers RESPMOD and, unless switched off, that it calls the EICAR test
     * string a threat: c-icap answers 204 to every file when its antivirus module failed to load.
     */
    @Override
    public void verify() throws EngineException {
        IcapOptions current = fetchOptions();
        if (!current.supportsRespmod()) {
            throw new EngineException("the ICAP service " + properties.serviceUri() + " does not offer RESPMOD"
                    + " (its Methods: " + String.join(", ", current.methods()) + ")");
        }
        log.info("ICAP service {}: {}, ISTag {}, preview {}, 204 {}", properties.serviceUri(),
                current.service() != null ? current.service() : current.server(), current.istag(),
                current.preview() < 0 ? "not offered" : current.preview() + " bytes",
                current.allow204() ? "allowed" : "not allowed");
        if (properties.selfTest()) {
            selfTest();
        }
    }

    @Override
    public EngineVersions versions() {
        return versions;
    }

    @Override
    public EngineVersions refreshVersions() throws EngineException {
        IcapOptions current = fetchOptions();
        EngineVersions fresh = new EngineVersions(current.engineVersion(), current.istag());
        versions = fresh;
        return fresh;
    }

    @Override
    public Duration timeout() {
        return properties.scanTimeout();
    }

    @Override
    public ScanOutcome scan(Path file) throws EngineException, InterruptedException {
        ScanContent content;
        try {
            content = ScanContent.of(file);
        } catch (IOException e) {
            throw new TerminalEngineException("cannot read the file to scan: " + e.getMessage(), e);
        }
        return scan(content, properties.scanTimeout());
    }

    private ScanOutcome scan(ScanContent content, Duration readTimeout) throws EngineException, InterruptedException {
        IcapOptions current = options != null ? options : fetchOptions();
        EngineVersions producedBy = versions;
        long cap = properties.previewSize() == null ? -1 : properties.previewSize().toBytes();
        long preview = current.previewFor(properties.preview(), cap < 0 ? null : cap);
        IcapResponse answer;
        try {
            answer = client.respmod(content, preview, readTimeout);
        } catch (MalformedAnswerException e) {
            throw new TerminalEngineException(malformed(e), e);
        } catch (UncheckedIOException e) {
            interruptedCheck(e.getCause());
            throw new TerminalEngineException(e.getMessage(), e);
        } catch (SocketTimeoutException e) {
            interruptedCheck(e);
            throw new EngineException("the ICAP service " + properties.serviceUri() + " did not answer within "
                    + readTimeout.toMillis() + " ms", e);
        } catch (IOException e) {
            interruptedCheck(e);
            throw new EngineException("the ICAP service " + properties.serviceUri() + " failed: " + describe(e), e);
        }
        EngineVersions actual = answer.istag()
                .map(tag -> new EngineVersions(producedBy.engineVersion(), tag)).orElse(producedBy);
        try {
            return verdict.outcome(answer, content::summary, actual);
        } catch (UncheckedIOException e) {
            throw new TerminalEngineException(e.getMessage(), e);
        }
    }

    /** Scans the EICAR test string, which every antivirus engine must call a threat. */
    private void selfTest() throws EngineException {
        ScanOutcome outcome;
        try {
            outcome = scan(ScanContent.of("eicar.com", eicar()), properties.timeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted during the EICAR self-test", e);
        } catch (EngineException e) {
            throw new EngineException("EICAR self-test failed: " + e.getMessage(), e);
        }
        if (outcome.category() != Category.MALICIOUS && outcome.category() != Category.SUSPICIOUS) {
            throw new EngineException("EICAR self-test failed: the ICAP service " + properties.serviceUri()
                    + " answered " + outcome.category().wireName() + " (" + outcome.details()
                    + ") for the EICAR test file, so its antivirus engine is not scanning (c-icap passes every file"
                    + " when its antivirus module did not load: see its server log); set"
                    + " argus.probe.icap.self-test=false only if the server is meant to pass EICAR");
        }
        log.info("ICAP service {}: EICAR self-test answered {} {}", properties.serviceUri(),
                outcome.category().wireName(), outcome.threat());
    }

    private IcapOptions fetchOptions() throws EngineException {
        IcapResponse answer;
        try {
            answer = client.options();
        } catch (MalformedAnswerException e) {
            throw new EngineException(malformed(e), e);
        } catch (IOException e) {
            throw new EngineException("the ICAP service " + properties.serviceUri() + " did not answer OPTIONS: "
                    + describe(e), e);
        }
        if (answer.status() != 200) {
            throw new EngineException("the ICAP service " + properties.serviceUri() + " answered OPTIONS with "
                    + answer.statusText());
        }
        try {
            IcapOptions fresh = IcapOptions.from(answer);
            options = fresh;
            return fresh;
        } catch (MalformedAnswerException e) {
            throw new EngineException(malformed(e), e);
        }
    }

    private String malformed(MalformedAnswerException e) {
        return "the ICAP service " + properties.serviceUri() + " answered with a malformed message: " + e.getMessage();
    }

    /** An interrupt shows up as a closed channel; report it as the interrupt it is. */
    private static void interruptedCheck(Throwable e) throws InterruptedException {
        if (e instanceof ClosedByInterruptException || e instanceof InterruptedIOException
                && !(e instanceof SocketTimeoutException) || Thread.currentThread().isInterrupted()) {
            InterruptedException interrupted = new InterruptedException("ICAP exchange interrupted");
            interrupted.initCause(e);
            throw interrupted;
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The EICAR test string, kept reversed so that this class file itself is not flagged by antivirus scanners. */
    static byte[] eicar() {
        return new StringBuilder("*H+H$!ELIF-TSET-SURIVITNA-DRADNATS-RACIE$}7)CC7)^P(45XZP\\4[PA@%P!O5X")
                .reverse().toString().getBytes(StandardCharsets.US_ASCII);
    }
}
