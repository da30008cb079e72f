package dev.argus.probe.engine.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.common.message.ExtractedFile;
import dev.argus.probe.spi.ScanContext;
import dev.argus.probe.spi.ScanOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** What the extract engine tests share: a temp directory, a recording file store, archive writers. */
abstract class ExtractTestSupport {

    /** The standard 68-byte antivirus test file. */
    static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

    @TempDir
    Path dir;

    RecordingFileStore store;

    @BeforeEach
    void createStore() throws IOException {
        store = new RecordingFileStore(dir.resolve("store"));
    }

    /** The engine with the default limits, working under {@code dir/work}. */
    ExtractEngine engine() {
        return engine(ExtractProperties.defaults());
    }

    /** The engine with these limits, working under {@code dir/work}. */
    ExtractEngine engine(ExtractProperties limits) {
        return new ExtractEngine(withWorkDir(limits), store);
    }

    ExtractProperties withWorkDir(ExtractProperties p) {
        return new ExtractProperties(p.maxDepth(), p.maxMembersPerContainer(), p.maxFiles(), p.maxTotalBytes(),
                p.maxMemberBytes(), p.maxRatio(), p.ratioFloor(), p.containerTimeout(), p.scanTimeout(),
                p.passwords(), p.bsdtarCommand(), dir.resolve("work"));
    }

    ScanOutcome scan(ExtractEngine engine, Path file, String... passwords) throws Exception {
        return engine.scan(file, new ScanContext(UUID.randomUUID(), sha256(file), List.of(passwords)));
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.ISO_8859_1);
    }

    /** A zip (Commons Compress, deflated) of the given name/content pairs. */
    Path zip(String name, Object... entries) throws IOException {
        Path file = dir.resolve(name);
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(Files.newOutputStream(file))) {
            for (int i = 0; i < entries.length; i += 2) {
                zip.putArchiveEntry(new ZipArchiveEntry((String) entries[i]));
                zip.write(bytes(entries[i + 1]));
                zip.closeArchiveEntry();
            }
        }
        return file;
    }

    /** A tar (Commons Compress, POSIX long names, absolute names kept) of the given name/content pairs onto a stream. */
    static void tar(OutputStream out, Object... entries) throws IOException {
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (int i = 0; i < entries.length; i += 2) {
                byte[] content = bytes(entries[i + 1]);
                TarArchiveEntry entry = new TarArchiveEntry((String) entries[i], true);
                entry.setSize(content.length);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
    }

    static byte[] bytes(Object content) throws IOException {
        if (content instanceof Path path) {
            return Files.readAllBytes(path);
        }
        if (content instanceof byte[] raw) {
            return raw;
        }
        return ((String) content).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Runs a command (zip, 7z) in {@code dir}; fails the test when it fails. */
    void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished", List.of(command)).isTrue();
        assertThat(process.exitValue()).as("%s exit code", List.of(command)).isZero();
    }

    /** Every path under {@code dir/work} once a scan is over: the per-job directories must be gone. */
    List<Path> leftInWorkDir() throws IOException {
        Path work = dir.resolve("work");
        if (!Files.exists(work)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(work)) {
            return new ArrayList<>(walk.filter(p -> !p.equals(work)).toList());
        }
    }

    static ExtractedFile find(List<ExtractedFile> files, String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no member " + path + " in " + files));
    }
}
