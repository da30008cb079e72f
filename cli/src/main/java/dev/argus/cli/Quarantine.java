package dev.argus.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A directory that malicious files are moved into. Only a regular file is moved (a symbolic link is never
 * followed, and nothing is moved whose content changed since it was scanned); it never overwrites: the file
 * keeps its name, or gets {@code name.1}, {@code name.2}, … when that is taken, each name claimed atomically
 * before the move. The directory is made owner-only, and so is each file moved in.
 */
public final class Quarantine {

    private static final int MAX_NAMES = 10_000;

    private final Path directory;

    public Quarantine(Path directory) throws IOException {
        Files.createDirectories(directory);
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            throw new CliException("quarantine " + directory + " is not a directory");
        }
        ownerOnly(directory, "rwx------");
        this.directory = directory.toRealPath();
    }

    public Path directory() {
        return directory;
    }

    /**
     * Moves file into the quarantine if it is still a regular file with the given sha256.
     *
     * @return where it went
     * @throws IOException when it is no longer there, is no regular file, changed, or cannot be moved
     */
    public Path admit(Path file, String sha256) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("not moved: no longer a regular file");
        }
        if (!Submitter.sha256(new FileCollector.Candidate(file, 0)).equals(sha256)) {
            throw new IOException("not moved: its content changed since the scan");
        }
        String name = file.getFileName().toString();
        for (int n = 0; n < MAX_NAMES; n++) {
            Path target = directory.resolve(n == 0 ? name : name + "." + n);
            try {
                Files.createFile(target); // claims the name: fails if anything, even a dangling link, holds it
            } catch (FileAlreadyExistsException taken) {
                continue;
            }
            try {
                Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                Files.deleteIfExists(target);
                throw e;
            }
            ownerOnly(target, "rw-------");
            return target;
        }
        throw new IOException("not moved: " + MAX_NAMES + " files named " + name + " in the quarantine");
    }

    private static void ownerOnly(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its own access rules apply
        }
    }
}
