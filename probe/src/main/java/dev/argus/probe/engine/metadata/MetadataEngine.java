package dev.argus.probe.engine.metadata;

import dev.argus.common.message.Category;
import dev.argus.common.message.ProbeCategory;
import dev.argus.probe.spi.EngineException;
import dev.argus.probe.spi.EngineVersions;
import dev.argus.probe.spi.ScanEngine;
import dev.argus.probe.spi.ScanOutcome;
import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;

/**
 * Describes every file without judging it: size, MD5/SHA-1/SHA-256/SHA-512, Shannon entropy, and the mime type Apache
 * Tika detects with its description. The result is always {@code undetected} with no threat name; everything is in
 * the details. The structure of PE and ELF files is the {@code executable} engine's job. Runs in the probe's JVM,
 * needs nothing outside it. Thread-safe: nothing is shared between scans but the immutable Tika detector.
 */
public final class MetadataEngine implements ScanEngine {

    static final String NAME = "metadata";

    /**
     * The version of what this engine extracts. Bump it whenever the details change, so that the brain stops
     * reusing cached results made by the previous version. 1.1: PE/ELF structure moved to the executable engine.
     */
    static final String EXTRACTOR_VERSION = "1.1";

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0};

    private final MetadataProperties properties;
    private final MimeDetector mime = new MimeDetector();
    private final EngineVersions versions;

    public MetadataEngine(MetadataProperties properties) {
        this.properties = properties;
        String tika = MimeDetector.tikaVersion();
        this.versions = new EngineVersions("argus-metadata " + EXTRACTOR_VERSION + "; tika-core " + tika,
                "tika-mimetypes " + tika);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String displayName() {
        return "Metadata";
    }

    @Override
    public ProbeCategory category() {
        return ProbeCategory.METADATA;
    }

    /** Checks that Tika's mime database loaded: a zip header must be detected as {@code application/zip}. */
    @Override
    public void verify() throws EngineException {
        String zip = mime.detect(ZIP_MAGIC);
        if (!"application/zip".equals(zip)) {
            throw new EngineException("Apache Tika's mime database is not usable: a zip header was detected as "
                    + zip);
        }
    }

    @Override
    public EngineVersions versions() {
        return versions;
    }

    /** Constant: the versions are those of this code and of tika-core, fixed for the life of the process. */
    @Override
    public EngineVersions refreshVersions() {
        return versions;
    }

    @Override
    public Duration timeout() {
        return properties.scanTimeout();
    }

    @Override
    public ScanOutcome scan(Path file) throws EngineException, InterruptedException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            FileFacts facts = FileFacts.of(channel);
            Map<String, Object> details = facts.details();
            MimeDetector.Detected detected = mime.detect(file);
            details.put("mimeType", detected.mimeType());
            if (detected.description() != null) {
                details.put("mimeDescription", detected.description());
            }
            return new ScanOutcome(Category.UNDETECTED, null, details, versions);
        } catch (ClosedByInterruptException e) {
            throw new InterruptedException("metadata extraction interrupted");
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("metadata extraction interrupted");
            }
            throw new EngineException("cannot read the file: " + e, e);
        }
    }
}
