package dev.argus.standalone.clamd;

import dev.argus.standalone.bundled.BundledFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.io.Resource;

/**
 * The signature directory of the clamd the standalone mode starts: the signatures bundled with Argus (the project's
 * test signatures, which detect EICAR) copied in, plus a symbolic link to each official database file of the
 * system's ClamAV ({@code *.cvd}, {@code *.cld}, {@code *.cud} in {@code /var/lib/clamav}, kept up to date by
 * freshclam) when there are any. Refreshed at every start: links whose file is gone are removed.
 */
final class SignatureDirectory {

    static final String BUNDLED = "classpath*:dev/argus/standalone/clamd/signatures/*";
    private static final Set<String> OFFICIAL = Set.of("cvd", "cld", "cud");

    private SignatureDirectory() {
    }

    /** What {@link #prepare} put in the directory. */
    record Contents(List<String> bundled, List<Path> official) {
    }

    /**
     * Fills {@code directory} (created if missing).
     *
     * @param systemDatabase the system's ClamAV database directory; ignored when missing
     */
    static Contents prepare(Path directory, Path systemDatabase) {
        try {
            Files.createDirectories(directory);
            removeLinks(directory);
            List<String> bundled = copyBundled(directory);
            List<Path> official = linkOfficial(directory, systemDatabase);
            return new Contents(bundled, official);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the clamd signature directory " + directory, e);
        }
    }

    private static void removeLinks(Path directory) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                if (Files.isSymbolicLink(entry)) {
                    Files.delete(entry);
                }
            }
        }
    }

    private static List<String> copyBundled(Path directory) throws IOException {
        return BundledFiles.copy(BUNDLED, directory);
    }

    private static List<Path> linkOfficial(Path directory, Path systemDatabase) throws IOException {
        List<Path> linked = new ArrayList<>();
        if (systemDatabase == null || !Files.isDirectory(systemDatabase)) {
            return linked;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(systemDatabase)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                int dot = name.lastIndexOf('.');
                String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
                if (OFFICIAL.contains(extension) && Files.isRegularFile(entry) && Files.isReadable(entry)) {
                    Files.createSymbolicLink(directory.resolve(name), entry.toAbsolutePath());
                    linked.add(entry);
                }
            }
        }
        return linked;
    }
}
