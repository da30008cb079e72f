package dev.argus.common.fs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.Set;

/**
 * A directory where a process keeps files nobody else may read or replace: spool, work, compiled-rule and data
 * directories. {@link #prepare} creates it with mode 0700, or checks the one that is there: it must be a real
 * directory (not a symbolic link) owned by this process's account; a directory of ours that others may read or write
 * is narrowed to 0700, one owned by another account is refused with a message that says what to do. On a file system
 * without POSIX permissions only the directory is created.
 */
public final class PrivateDirectory {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private PrivateDirectory() {
    }

    /**
     * Creates {@code directory} (and its missing parents) or checks the one there, as described above.
     *
     * @param directory what it holds, for the messages (e.g. "the probe's work directory")
     * @return the directory
     * @throws IllegalStateException when it belongs to another account or is not a directory
     * @throws UncheckedIOException  when it cannot be created or its permissions cannot be set
     */
    public static Path prepare(Path directory, String description) {
        try {
            Path parent = directory.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
                createOwnerOnly(directory);
            }
            PosixFileAttributeView view = Files.getFileAttributeView(directory, PosixFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (view == null) {
                return directory;
            }
            PosixFileAttributes attributes = view.readAttributes();
            if (!attributes.isDirectory()) {
                throw new IllegalStateException(description + " " + directory + " is not a directory"
                        + (attributes.isSymbolicLink() ? " but a symbolic link" : "") + "; remove it or choose another");
            }
            UserPrincipal us = currentUser(directory);
            if (!attributes.owner().equals(us)) {
                throw new IllegalStateException(description + " " + directory + " belongs to "
                        + attributes.owner().getName() + ", not to " + us.getName()
                        + ", the account Argus runs as; give it to that account (chown) or choose another directory");
            }
            if (!attributes.permissions().equals(OWNER_ONLY)) {
                view.setPermissions(OWNER_ONLY);
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + description + " " + directory, e);
        }
    }

    private static void createOwnerOnly(Path directory) throws IOException {
        try {
            Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(EnumSet.copyOf(OWNER_ONLY)));
        } catch (UnsupportedOperationException e) {
            Files.createDirectory(directory);
        } catch (FileAlreadyExistsException e) {
            // made by another thread or process in between: checked like any existing directory
        }
    }

    private static UserPrincipal currentUser(Path near) throws IOException {
        return near.getFileSystem().getUserPrincipalLookupService()
                .lookupPrincipalByName(System.getProperty("user.name"));
    }
}
