package dev.argus.standalone.database;

import dev.argus.standalone.Secrets;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The embedded PostgreSQL's password: made at the first start ({@link Secrets#password()}), kept in the data
 * directory in a file only the owner may read (0600), reused after (the cluster keeps its hash). Never logged.
 */
public final class DatabasePassword {

    /** The file name in the data directory. */
    public static final String FILE_NAME = "postgres.password";

    private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");

    private DatabasePassword() {
    }

    /** The password kept in {@code <dataDir>/postgres.password}, made and written there when there is none. */
    public static String readOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    write(file, Secrets.password() + "\n");
                } catch (FileAlreadyExistsException e) {
                    // written by a concurrent start: the data directory lock lets only one go on
                }
            }
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new IllegalStateException(file + " is not a regular file; remove it");
            }
            narrow(file);
            String password = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (password.isEmpty() || !password.chars().allMatch(DatabasePassword::safe)) {
                throw new IllegalStateException(file + " does not hold a password Argus wrote (empty or not"
                        + " URL-safe Base64); remove it together with the postgres directory to start afresh");
            }
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the database password file " + file, e);
        }
    }

    /** Created 0600 (not narrowed after): no moment when another account could read it. */
    private static void write(Path file, String text) throws IOException {
        Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        SeekableByteChannel channel;
        try {
            channel = Files.newByteChannel(file, options, PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE));
        } catch (UnsupportedOperationException e) {
            channel = Files.newByteChannel(file, options);
        }
        try (SeekableByteChannel out = channel) {
            out.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)));
        }
    }

    private static void narrow(Path file) throws IOException {
        try {
            if (!Files.getPosixFilePermissions(file).equals(OWNER_READ_WRITE)) {
                Files.setPosixFilePermissions(file, OWNER_READ_WRITE);
            }
        } catch (UnsupportedOperationException e) {
            // no POSIX permissions on this file system
        }
    }

    /** The characters of {@link Secrets#password()}: the password goes into SQL text and a config file. */
    private static boolean safe(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_';
    }
}
