package dev.argus.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.argus.testsupport.ArgusTestClient;
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
 * The packaged {@code argus-standalone.jar} as a user runs it ({@code java -jar}): on the first start it prints the
 * first admin's API key once (on the console, not in the log file), prints the ready line with the URL, detects
 * EICAR with that key, and stops cleanly on SIGTERM, taking PostgreSQL with it; a restart prints no key. Runs in the {@code integration-test}
 * phase, after the jar is built ({@code ./mvnw verify}); skipped when the jar is not there.
 */
class PackagedJarIntegrationTests {

    private static final Path JAR = Path.of("target", "argus-standalone.jar");
    /** A generated API key on a line of its own, as the first start prints it. */
    private static final String PRINTED_KEY = "argus_[A-Za-z0-9_-]{43}";

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
    void startsFromTheJarPrintsTheFirstAdminKeyOnceScansAndStopsOnSigterm() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(JAR), "run ./mvnw package first: " + JAR + " is missing");
        int port = new FreePorts().next();
        long started = System.nanoTime();
        launch(port);
        System.out.printf("packaged jar ready after %d ms%n", (System.nanoTime() - started) / 1_000_000);
        String key = output.stream().map(String::strip).filter(line -> line.matches(PRINTED_KEY))
                .findFirst().orElseThrow(() -> new AssertionError("no key printed:\n" + String.join("\n", output)));

        JsonNode scan = AbstractStandaloneIntegrationTests.scanEicar(ArgusTestClient.onPort(port, key));
        assertThat(AbstractStandaloneIntegrationTests.clamavResult(scan).path("category").asString())
                .isEqualTo("malicious");
        assertThat(ArgusTestClient.onPort(port, "argus_wrong").get("/api/v1/probes").statusCode()).isEqualTo(401);

        stopWithSigterm();
        assertThat(Files.readString(dataDir.resolve("logs/argus.log"))).as("the log file").doesNotContain(key);

        output.clear();
        launch(port);
        assertThat(output).as("a restart prints no key").noneMatch(line -> line.strip().matches(PRINTED_KEY));
        assertThat(ArgusTestClient.onPort(port, key).get("/api/v1/probes").statusCode()).isEqualTo(200);
        stopWithSigterm();
    }

    private void launch(int port) throws Exception {
        argus = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-jar",
                JAR.toAbsolutePath().toString(), "--argus.standalone.data-dir=" + dataDir, "--server.port=" + port,
                "--argus.standalone.runtime-dir=" + Path.of("target", "postgres-runtime").toAbsolutePath())
                .redirectErrorStream(true).start();
        Process process = argus;
        Thread.ofVirtual().start(() -> collectOutput(process));
        // generous: the first start took 100 s on a 2-CPU machine busy with other builds (load average 25)
        await("ready line").atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(100))
                .until(() -> output.stream().anyMatch(line -> line.contains("Argus is ready at http://localhost:"
                        + port + " (data in " + dataDir)));
    }

    private void stopWithSigterm() throws Exception {
        long postgres = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).getFirst());
        argus.toHandle().destroy(); // SIGTERM; Process.destroy() would also close the output stream
        assertThat(argus.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s of SIGTERM").isTrue();
        await("PostgreSQL stopped with Argus").atMost(Duration.ofSeconds(10))
                .until(() -> ProcessHandle.of(postgres).map(p -> !p.isAlive()).orElse(true));
        assertThat(output).as(String.join("\n", output)).noneMatch(line -> line.contains(" ERROR "))
                .anyMatch(line -> line.contains("brain stopped in"));
    }

    private void collectOutput(Process process) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
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
