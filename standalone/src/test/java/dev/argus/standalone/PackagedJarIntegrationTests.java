package dev.argus.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The packaged {@code argus-standalone.jar} as a user runs it ({@code java -jar}): it prints the ready line with the
 * URL, detects EICAR, and stops cleanly on SIGTERM, taking PostgreSQL with it. Runs in the {@code integration-test}
 * phase, after the jar is built ({@code ./mvnw verify}); skipped when the jar is not there.
 */
class PackagedJarIntegrationTests {

    private static final Path JAR = Path.of("target", "argus-standalone.jar");

    @TempDir
    Path dataDir;

    private final List<String> output = new CopyOnWriteArrayList<>();
    private Process argus;

    @AfterEach
    void stop() throws InterruptedException {
        if (argus != null && argus.isAlive()) {
            argus.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void startsFromTheJarPrintsTheUrlScansAndStopsOnSigterm() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(JAR), "run ./mvnw package first: " + JAR + " is missing");
        int port = new FreePorts().next();
        long started = System.nanoTime();
        argus = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-jar",
                JAR.toAbsolutePath().toString(), "--argus.standalone.data-dir=" + dataDir, "--server.port=" + port,
                "--argus.standalone.runtime-dir=" + Path.of("target", "postgres-runtime").toAbsolutePath())
                .redirectErrorStream(true).start();
        Thread.ofVirtual().start(this::collectOutput);

        await("ready line").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                .until(() -> output.stream().anyMatch(line -> line.contains("Argus is ready at http://localhost:"
                        + port + " (data in " + dataDir)));
        System.out.printf("packaged jar ready after %d ms%n", (System.nanoTime() - started) / 1_000_000);

        JsonNode scan = AbstractStandaloneIntegrationTests.scanEicar(new ArgusHttp(port));
        assertThat(AbstractStandaloneIntegrationTests.clamavResult(scan).path("category").asString())
                .isEqualTo("malicious");

        long postgres = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).getFirst());
        argus.toHandle().destroy(); // SIGTERM; Process.destroy() would also close the output stream
        assertThat(argus.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s of SIGTERM").isTrue();
        await("PostgreSQL stopped with Argus").atMost(Duration.ofSeconds(10))
                .until(() -> ProcessHandle.of(postgres).map(p -> !p.isAlive()).orElse(true));
        assertThat(output).as(String.join("\n", output)).noneMatch(line -> line.contains(" ERROR "))
                .anyMatch(line -> line.contains("brain stopped in"));
    }

    private void collectOutput() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(argus.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                output.add(line);
            }
        } catch (java.io.IOException e) {
            output.add("(output closed: " + e + ")");
        }
    }
}
