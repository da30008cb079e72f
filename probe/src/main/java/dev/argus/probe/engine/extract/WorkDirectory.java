package dev.argus.probe.engine.extract;

import dev.argus.common.fs.PrivateDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The private directory of one job: created 0700 under the engine's work directory, holding only temp files with
 * generated names (never a member name), deleted with everything in it when the job ends.
 */
final class WorkDirectory implements AutoCloseable {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path directory;

    private WorkDirectory(Path directory) {
        this.directory = directory;
    }

    /** Creates the job's directory (and the base, 0700, when missing; checked: {@link PrivateDirectory}). */
    static WorkDirectory create(Path base) throws IOException {
        try {
            PrivateDirectory.prepare(base, "the extraction work directory (argus.probe.extract.work-dir)");
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new WorkDirectory(Files.createTempDirectory(base, "job-", attributes("rwx------")));
    }

    Path path() {
        return directory;
    }

    /** A new empty file (0600) for a member's bytes. */
    Path newFile() throws IOException {
        return Files.createTempFile(directory, "member-", ".bin", attributes("rw-------"));
    }

    /**
     * Deletes a temp file as soon as it is not needed; a file that cannot be deleted now goes with the job's
     * directory.
     */
    static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException ignored) {
            // removed with the directory at the end of the job
        }
    }

    /** Deletes the directory and whatever is left in it; links are not followed. */
    @Override
    public void close() throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(directory)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path path : paths) {
            Files.deleteIfExists(path);
        }
    }

    private static FileAttribute<?>[] attributes(String permissions) {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString(permissions))} : new FileAttribute<?>[0];
    }
}
