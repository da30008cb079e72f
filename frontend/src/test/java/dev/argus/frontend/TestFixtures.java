package dev.argus.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Set-up shared by the frontend's integration test classes that run without the test playing the brain. */
final class TestFixtures {

    private TestFixtures() {
    }

    /** A fresh directory for {@code argus.upload.temp-dir}. */
    static Path uploadDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every spooled upload was deleted. */
    static void assertNoFilesIn(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files).isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes an online probe straight into the frontend's copy of the directory (no brain, or no broker). */
    static void markProbeOnline(JdbcClient jdbc, String name) {
        jdbc.sql("""
                insert into probe (name, display_name, category, version, engine_version, online, instances,
                                   last_seen, updated_at)
                values (?, ?, 'antivirus', '1', '1', true, 1, now(), now())
                on conflict (name) do update set online = true, updated_at = now()
                """).param(name).param(name.toUpperCase()).update();
    }
}
