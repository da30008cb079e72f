package dev.argus.probe.engine.executable;

import dev.argus.common.message.Category;
import dev.argus.common.message.ProbeCategory;
import dev.argus.probe.engine.binary.BinaryFile;
import dev.argus.probe.engine.binary.RegionEntropy;
import dev.argus.probe.engine.executable.elf.ElfParser;
import dev.argus.probe.engine.executable.pe.PeParser;
import dev.argus.probe.spi.EngineException;
import dev.argus.probe.spi.EngineVersions;
import dev.argus.probe.spi.ScanEngine;
import dev.argus.probe.spi.ScanOutcome;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Describes the structure of Windows PE and ELF files without judging them: headers, sections and segments with
 * entropy, imports/exports or needed libraries/dynamic symbols. The brain sends it only files whose detected mime type
 * matches {@link #MIME_TYPES}. The result is always {@code undetected} with no threat name, and the details are
 * {@code {format: "pe", pe: {...}}}, {@code {format: "elf", elf: {...}}} or, for a file that is neither despite its
 * type (a DOS program, a misdetected file), {@code {format: "unknown", warnings: [...]}}. Malformed executables give
 * partial structures with {@code warnings}, never a failure. Runs in the probe's JVM, needs nothing outside it.
 * Thread-safe: each scan has its own readers.
 */
public final class ExecutableEngine implements ScanEngine {

    static final String NAME = "executable";

    /**
     * The mime types Apache Tika core gives PE files ({@code application/x-msdownload; format=pe32} or
     * {@code ;format=pe64}, and any file starting with {@code MZ}) and ELF files ({@code x-executable},
     * {@code x-sharedlib}, {@code x-object}, {@code x-coredump}, {@code x-elf}), plus the other names PE files go by.
     * Anchored at both ends of the type so that parameters are allowed but longer type names are not.
     */
    public static final String MIME_TYPES = "^application/(x-msdownload|x-dosexec|vnd\\.microsoft\\.portable-executable"
            + "|x-executable|x-sharedlib|x-object|x-elf|x-coredump)\\s*(;|$)";

    /**
     * The version of what this engine extracts. Bump it whenever the details change, so that the brain stops
     * reusing cached results made by the previous version.
     */
    static final String EXTRACTOR_VERSION = "1.0";

    /**
     * Section and segment regions may overlap, so their entropy reads stop after four times the file size plus this.
     */
    private static final int ENTROPY_SLACK = 1 << 20;

    private final ExecutableProperties properties;
    private final EngineVersions versions = new EngineVersions("argus-executable " + EXTRACTOR_VERSION,
            "argus-executable-names " + EXTRACTOR_VERSION);

    public ExecutableEngine(ExecutableProperties properties) {
        this.properties = properties;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String displayName() {
        return "Executable structure (PE/ELF)";
    }

    @Override
    public ProbeCategory category() {
        return ProbeCategory.METADATA;
    }

    @Override
    public String mimeTypes() {
        return MIME_TYPES;
    }

    /** Nothing to check: the readers are plain Java code in this process. */
    @Override
    public void verify() {
    }

    /**
     * The extractor's version, and as signature version the version of the name tables (machines, subsystems, flags,
     * section and symbol types) built into the readers: the only data that works like signatures here.
     */
    @Override
    public EngineVersions versions() {
        return versions;
    }

    /** Constant: the versions are those of this code, fixed for the life of the process. */
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
            BinaryFile binary = new BinaryFile(channel);
            RegionEntropy regions = new RegionEntropy(binary, 4 * binary.size() + ENTROPY_SLACK);
            Map<String, Object> details = new LinkedHashMap<>();
            if (PeParser.isPe(binary)) {
                details.put("format", "pe");
                details.put("pe", new PeParser(binary, regions, properties.maxEntries()).parse());
            } else if (ElfParser.isElf(binary)) {
                details.put("format", "elf");
                details.put("elf", new ElfParser(binary, regions, properties.maxEntries()).parse());
            } else {
                details.put("format", "unknown");
                details.put("warnings", List.of(neitherPeNorElf(binary)));
            }
            return new ScanOutcome(Category.UNDETECTED, null, details, versions);
        } catch (ClosedByInterruptException e) {
            throw new InterruptedException("executable parsing interrupted");
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("executable parsing interrupted");
            }
            throw new EngineException("cannot read the file: " + e, e);
        }
    }

    /** Why a file sent here has no structure to show, naming its first bytes. */
    private static String neitherPeNorElf(BinaryFile file) throws IOException {
        if (file.size() == 0) {
            return "neither a PE nor an ELF file: the file is empty";
        }
        ByteBuffer start = file.read(0, 4);
        if (start.remaining() >= 2 && start.get(0) == 'M' && start.get(1) == 'Z') {
            return "starts with MZ but has no PE signature: a DOS program, or a damaged PE file";
        }
        byte[] bytes = new byte[start.remaining()];
        start.get(bytes);
        return "neither a PE nor an ELF file: it starts with " + HexFormat.ofDelimiter(" ").formatHex(bytes);
    }
}
