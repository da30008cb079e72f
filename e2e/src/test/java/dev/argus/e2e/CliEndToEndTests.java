package dev.argus.e2e;

import static dev.argus.testsupport.ArgusTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code argus} command-line client (cli/target/argus-cli.jar, and bin/argus) run as a subprocess against a
 * real stack whose probe runs clamav (clamd) and the cheap metadata engine: exit codes, plain lines, the progress
 * line on a pseudo-terminal ({@code script} of util-linux), the JSON document, reports, probes, and the watch
 * command's quarantine.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CliEndToEndTests {

    static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    static final Path JAR = ROOT.resolve("cli/target/argus-cli.jar");
    static final List<String> PROBES = List.of("clamav", "metadata");
    static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(5);
    static final JsonMapper JSON = JsonMapper.builder().build();
    /** The frontend's argus.upload.max-files here: below the client's default batch of 50. */
    static final int MAX_FILES = 20;

    static ArgusStack stack;
    static Path thousand;

    @TempDir
    static Path work;

    @BeforeAll
    static void startArgus() throws Exception {
        assertThat(JAR).as("the cli jar: package the cli module first (e2e depends on it)").isRegularFile();
        // Limits below the client's defaults, so that every run shows how it adapts to them.
        stack = ArgusStack.start("cli", PROBES, "--argus.upload.max-files=" + MAX_FILES,
                "--argus.upload.max-file-size=1MB");
        thousand = Files.createDirectories(work.resolve("thousand"));
        for (int i = 0; i < 999; i++) {
            Path dir = Files.createDirectories(thousand.resolve("d" + (i % 10)));
            Files.writeString(dir.resolve("file-" + i + ".txt"), "small file " + i + " " + UUID.randomUUID());
        }
        Files.write(Files.createDirectories(thousand.resolve("d7")).resolve("eicar.com"), PipelineEndToEndTests.EICAR);
    }

    @AfterAll
    static void stopArgus() throws InterruptedException {
        if (stack != null) {
            stack.stop();
        }
    }

    @Test
    @Order(1)
    void scansAThousandFilesExitsOneAndNamesTheEicarInPlainLines() throws Exception {
        long start = System.nanoTime();
        Result result = argus(Map.of(), "scan", "--wait", "--probes", String.join(",", PROBES), thousand.toString());
        System.out.printf("argus scan --wait of 1,000 small files took %d ms%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));

        assertThat(result.exit()).as(result.toString()).isEqualTo(1);
        List<String> lines = result.stdout().lines().toList();
        assertThat(lines).hasSize(1000);
        assertThat(lines).filteredOn(line -> line.contains(": malicious")).singleElement().asString()
                .startsWith(thousand.resolve("d7/eicar.com") + ": malicious [clamav: ")
                .contains("Eicar");
        assertThat(lines).filteredOn(line -> line.endsWith(": clean")).hasSize(999);
        assertThat(result.stdout()).doesNotContain("\r").doesNotContain("uploaded ");
    }

    @Test
    @Order(2)
    void onATerminalShowsTheProgressLineAndTheMaliciousFile() throws Exception {
        String command = String.join(" ", javaCommand()) + " scan --wait " + thousand;
        Result result = run(List.of("script", "-qec", command, "/dev/null"), environment(Map.of()));

        assertThat(result.exit()).as(result.toString()).isEqualTo(1);
        assertThat(result.stdout()).contains("\r\033[Kuploaded 0/1000  finished 0/1000  malicious 0")
                .contains("uploaded 1000/1000  finished 1000/1000  malicious 1")
                .contains(thousand.resolve("d7/eicar.com") + ": malicious [clamav: ")
                .contains("1000 files scanned: 1 malicious")
                .doesNotContain(": clean");
    }

    @Test
    @Order(3)
    void jsonOutputIsOneDocument() throws Exception {
        Path dir = directory("json", Map.of("eicar.com", PipelineEndToEndTests.EICAR,
                "notes.txt", "nothing to see".getBytes(StandardCharsets.UTF_8)));

        Result result = argus(Map.of(), "scan", "--wait", "--json", dir.toString());

        assertThat(result.exit()).as(result.toString()).isEqualTo(1);
        JsonNode document = JSON.readTree(result.stdout());
        assertThat(document.path("exitCode").asInt()).isEqualTo(1);
        assertThat(document.path("summary").path("files").asInt()).isEqualTo(2);
        Map<String, JsonNode> byPath = new HashMap<>();
        document.path("files").forEach(file -> byPath.put(file.path("path").asString(), file));
        JsonNode eicar = byPath.get(dir.resolve("eicar.com").toString());
        assertThat(eicar.path("verdict").asString()).isEqualTo("malicious");
        assertThat(eicar.path("detections").get(0).path("engine").asString()).isEqualTo("clamav");
        assertThat(byPath.get(dir.resolve("notes.txt").toString()).path("verdict").asString()).isEqualTo("clean");
    }

    @Test
    @Order(4)
    void adaptsToTheServersFileCountLimitAndReportsAFileTooLargeAlone() throws Exception {
        Map<String, byte[]> files = new HashMap<>();
        for (int i = 0; i < 30; i++) {
            files.put("small-" + i + ".txt", ("small " + i + " " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        }
        byte[] big = new byte[2 * 1024 * 1024];
        new java.util.Random(7).nextBytes(big);
        files.put("big.bin", big);
        Path dir = directory("limits", files);

        Result result = argus(Map.of(), "scan", "--wait", "--json", "--batch-files", "50", dir.toString());

        assertThat(result.exit()).as(result.toString()).isEqualTo(2);
        JsonNode document = JSON.readTree(result.stdout());
        assertThat(document.path("files")).hasSize(30);
        document.path("files").forEach(file -> assertThat(file.path("verdict").asString()).isEqualTo("clean"));
        assertThat(document.path("scans").size()).isGreaterThanOrEqualTo(2);
        assertThat(document.path("errors")).hasSize(1);
        assertThat(document.path("errors").get(0).path("path").asString()).isEqualTo(dir.resolve("big.bin").toString());
        assertThat(document.path("errors").get(0).path("reason").asString()).contains("file-too-large");
    }

    @Test
    @Order(5)
    void aCleanDirectoryExitsZero() throws Exception {
        Path dir = directory("clean", Map.of("a.txt", "alpha".getBytes(StandardCharsets.UTF_8),
                "b.txt", "beta".getBytes(StandardCharsets.UTF_8)));

        Result result = argus(Map.of(), "scan", "--wait", dir.toString());

        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.stdout().lines()).containsExactlyInAnyOrder(dir.resolve("a.txt") + ": clean",
                dir.resolve("b.txt") + ": clean");
    }

    @Test
    @Order(6)
    void withoutWaitPrintsTheScanAndExitsZero() throws Exception {
        Path dir = directory("nowait", Map.of("eicar.com", PipelineEndToEndTests.EICAR));

        Result result = argus(Map.of(), "scan", dir.toString());

        assertThat(result.exit()).as(result.toString()).isZero();
        String scanId = result.stdout().strip().replaceAll(".*\\(scan (.*)\\)$", "$1");
        assertThat(json(stack.api.get("/api/v1/scans/" + scanId)).path("id").asString()).isEqualTo(scanId);
    }

    @Test
    @Order(7)
    void aWrongKeyExitsTwoWithOneLine() throws Exception {
        Result result = argus(Map.of("ARGUS_API_KEY", "wrong-key-" + UUID.randomUUID()), "scan", "--wait",
                thousand.resolve("d0").toString());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.stderr().lines()).containsExactly("argus: the server refused the API key (401 unauthorized)");
    }

    @Test
    @Order(8)
    void reportsAFileByHash() throws Exception {
        Result malicious = argus(Map.of(), "report", PipelineEndToEndTests.EICAR_MD5);
        assertThat(malicious.exit()).as(malicious.toString()).isEqualTo(1);
        assertThat(malicious.stdout()).contains("verdict  malicious").containsPattern("clamav +malicious +.*Eicar");

        Result unknown = argus(Map.of(), "report", "0".repeat(64));
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.stderr()).contains("no file " + "0".repeat(64));

        Result asJson = argus(Map.of(), "report", "--json", PipelineEndToEndTests.EICAR_MD5);
        assertThat(JSON.readTree(asJson.stdout()).path("md5").asString()).isEqualTo(PipelineEndToEndTests.EICAR_MD5);
    }

    @Test
    @Order(9)
    void listsTheProbesThroughTheLauncher() throws Exception {
        Result table = run(List.of(ROOT.resolve("bin/argus").toString(), "probes"), environment(Map.of()));
        assertThat(table.exit()).as(table.toString()).isZero();
        assertThat(table.stdout().lines().toList().getFirst()).startsWith("NAME").contains("CATEGORY", "ONLINE");
        assertThat(table.stdout()).containsPattern("(?m)^clamav +antivirus +yes +1 ")
                .containsPattern("(?m)^metadata +metadata +yes +1 ");

        Result asJson = argus(Map.of(), "probes", "--json");
        List<String> names = new ArrayList<>();
        JSON.readTree(asJson.stdout()).forEach(probe -> names.add(probe.path("name").asString()));
        assertThat(names).containsExactlyInAnyOrderElementsOf(PROBES);
    }

    @Test
    @Order(10)
    void watchMovesAnEicarDroppedIntoTheDirectoryToTheQuarantine() throws Exception {
        Path watched = Files.createDirectories(work.resolve("watched"));
        Path quarantine = work.resolve("quarantine");
        Path output = work.resolve("watch.out");
        List<String> command = new ArrayList<>(javaCommand());
        command.addAll(List.of("watch", "--settle", "500", "--quarantine", quarantine.toString(), watched.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(environment(Map.of()));
        Process watch = builder.start();
        try {
            await("watch started").atMost(Duration.ofMinutes(1))
                    .until(() -> Files.readString(output).contains("watching "));
            Files.write(Files.createDirectories(watched.resolve("inbox")).resolve("eicar.com"),
                    PipelineEndToEndTests.EICAR);
            Files.writeString(watched.resolve("letter.txt"), "dear reader");

            await("EICAR quarantined").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
                    .until(() -> Files.exists(quarantine.resolve("eicar.com")));
            await("clean file reported").atMost(Duration.ofMinutes(2))
                    .until(() -> Files.readString(output).contains(watched.resolve("letter.txt") + ": clean"));
        } finally {
            watch.destroy();
            watch.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(watched.resolve("inbox/eicar.com")).doesNotExist();
        assertThat(Files.readAllBytes(quarantine.resolve("eicar.com"))).isEqualTo(PipelineEndToEndTests.EICAR);
        assertThat(watched.resolve("letter.txt")).exists();
        assertThat(Files.readString(output)).contains(watched.resolve("inbox/eicar.com") + ": malicious [clamav: ")
                .contains("quarantined as " + quarantine.toRealPath().resolve("eicar.com"));
    }

    private static Path directory(String name, Map<String, byte[]> files) throws IOException {
        Path dir = Files.createDirectories(work.resolve(name));
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Files.write(dir.resolve(file.getKey()), file.getValue());
        }
        return dir;
    }

    record Result(int exit, String stdout, String stderr) {
    }

    private static List<String> javaCommand() {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString());
    }

    private static Result argus(Map<String, String> environment, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(javaCommand());
        command.addAll(List.of(arguments));
        return run(command, environment(environment));
    }

    /** The server and the admin key in the environment (overridable), and a HOME without a config file. */
    private static Map<String, String> environment(Map<String, String> overrides) throws IOException {
        Map<String, String> environment = new HashMap<>(Map.of("ARGUS_URL", stack.baseUrl(),
                "ARGUS_API_KEY", ArgusStack.ADMIN_KEY, "HOME", Files.createDirectories(work.resolve("home")).toString()));
        environment.putAll(overrides);
        return environment;
    }

    private static Result run(List<String> command, Map<String, String> environment) throws Exception {
        Path stdout = Files.createTempFile(work, "stdout", ".txt");
        Path stderr = Files.createTempFile(work, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not end within " + COMMAND_TIMEOUT);
        }
        return new Result(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
    }
}
