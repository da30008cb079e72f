package dev.argus.probe.engine.extract;

import dev.argus.common.message.Extraction;
import dev.argus.common.message.ExtractionReport;
import dev.argus.common.message.ProbeCategory;
import dev.argus.common.store.FileStore;
import dev.argus.probe.engine.metadata.MimeDetector;
import dev.argus.probe.spi.EngineDependency;
import dev.argus.probe.spi.EngineException;
import dev.argus.probe.spi.EngineVersions;
import dev.argus.probe.spi.ScanContext;
import dev.argus.probe.spi.ScanEngine;
import dev.argus.probe.spi.ScanOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.lingala.zip4j.ZipFile;
import org.apache.commons.compress.archivers.sevenz.SevenZFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.XZ;

/**
 * Opens archives: the scanned file and, within the same job, every archive inside it down to
 * {@link ExtractProperties#maxDepth()}. Every member is stored on the file store under its sha256 and listed in the
 * outcome's {@link ExtractionReport}, which the brain turns into new files of the scan for the other engines. The
 * category comes from the scanned file's {@link Extraction} ({@link Extraction#category()},
 * {@link Extraction#threat()}): {@code undetected} when it was extracted or is not a container, {@code suspicious}
 * when content stayed unscanned (encrypted, a limit, damage). Formats: zip (zip4j, ZipCrypto and AES), 7z (Commons
 * Compress, AES), tar, gzip, bzip2, xz (Commons Compress) and rar (libarchive's bsdtar, when present). Thread-safe:
 * each scan has its own {@link ExtractionTree} and work directory.
 */
public final class ExtractEngine implements ScanEngine {

    static final String NAME = "extract";

    /** The version of what this engine does; raise it when its results change for the same file. */
    static final String EXTRACTOR_VERSION = "1.0";

    private static final Logger log = LoggerFactory.getLogger(ExtractEngine.class);
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0};
    private static final Pattern LIBARCHIVE = Pattern.compile("libarchive (\\S+)");

    private final ExtractProperties properties;
    private final FileStore store;
    private final MimeDetector mime = new MimeDetector();
    private final Bsdtar bsdtar;
    private final ContainerReaders readers;
    private volatile EngineVersions versions = EngineVersions.UNKNOWN;

    public ExtractEngine(ExtractProperties properties, FileStore store) {
        this.properties = properties;
        this.store = store;
        this.bsdtar = new Bsdtar(properties.bsdtarCommand());
        this.readers = new ContainerReaders(bsdtar);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String displayName() {
        return "Archive extraction";
    }

    @Override
    public ProbeCategory category() {
        return ProbeCategory.EXTRACTOR;
    }

    /** zip, 7z, tar, gzip, bzip2, xz and rar, as Tika names them (encrypted zips are {@code application/zip}). */
    @Override
    public String mimeTypes() {
        return ContainerFormat.MIME_FILTER;
    }

    /**
     * None that stops the engine: everything but rar runs in the JVM. libarchive's {@code bsdtar} is optional; without
     * it rar files are {@code unsupported} (with a detail saying so) and {@link #verify()} logs a warning.
     */
    @Override
    public List<EngineDependency> dependencies() {
        return List.of();
    }

    /** Checks Tika's mime database (a zip header is {@code application/zip}) and whether bsdtar runs. */
    @Override
    public void verify() throws EngineException {
        String zip = mime.detect(ZIP_MAGIC);
        if (!"application/zip".equals(zip)) {
            throw new EngineException("Apache Tika's mime database is not usable: a zip header was detected as "
                    + zip);
        }
        if (!readers.rar().available()) {
            log.warn("extract: '{}' (libarchive's bsdtar) cannot be run: rar files will be reported as unsupported",
                    properties.bsdtarCommand());
        }
    }

    @Override
    public EngineVersions versions() {
        return versions;
    }

    /** Library versions and a digest of the configuration; computed once, both are fixed for the process's life. */
    @Override
    public EngineVersions refreshVersions() {
        EngineVersions known = versions;
        if (known != EngineVersions.UNKNOWN) {
            return known;
        }
        synchronized (this) {
            if (versions == EngineVersions.UNKNOWN) {
                versions = new EngineVersions(engineVersion(), ConfigDigest.of(properties));
            }
            return versions;
        }
    }

    private String engineVersion() {
        String version = bsdtar.version();
        Matcher libarchive = LIBARCHIVE.matcher(version == null ? "" : version);
        return "argus-extract " + EXTRACTOR_VERSION
                + "; zip4j " + LibraryVersions.of(ZipFile.class, "net.lingala.zip4j/zip4j")
                + "; commons-compress " + LibraryVersions.of(SevenZFile.class, "org.apache.commons/commons-compress")
                + "; xz " + LibraryVersions.of(XZ.class, "org.tukaani/xz")
                + "; tika-core " + MimeDetector.tikaVersion()
                + "; libarchive " + (libarchive.find() ? libarchive.group(1) : "absent");
    }

    @Override
    public Duration timeout() {
        return properties.scanTimeout();
    }

    @Override
    public ScanOutcome scan(Path file) throws EngineException, InterruptedException {
        return scan(file, new ScanContext(null, sha256(file), List.of()));
    }

    @Override
    public ScanOutcome scan(Path file, ScanContext context) throws EngineException, InterruptedException {
        String sha256 = context.sha256() != null ? context.sha256() : sha256(file);
        Passwords passwords = Passwords.of(context.passwords(), properties.passwords());
        WorkDirectory work = createWorkDirectory();
        try {
            ExtractionReport report = new ExtractionTree(properties, store, mime, readers, work, passwords)
                    .extract(file, sha256);
            return outcome(report);
        } finally {
            try {
                work.close();
            } catch (IOException e) {
                log.warn("extract: cannot delete the work directory {}: {}", work.path(), e.toString());
            }
        }
    }

    private ScanOutcome outcome(ExtractionReport report) {
        Extraction root = report.root();
        Map<String, Object> details = root.details();
        details.put("files", report.files().size());
        return new ScanOutcome(root.category(), root.threat(), details, refreshVersions(), report);
    }

    private WorkDirectory createWorkDirectory() throws EngineException {
        try {
            return WorkDirectory.create(properties.workDir());
        } catch (IOException e) {
            throw new EngineException("cannot create the extraction work directory under "
                    + properties.workDir() + ": " + e, e);
        }
    }

    private static String sha256(Path file) throws EngineException, InterruptedException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("extraction interrupted");
                }
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new EngineException("cannot read the file: " + e, e);
        }
    }
}
