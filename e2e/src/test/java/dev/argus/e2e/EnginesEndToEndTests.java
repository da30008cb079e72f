package dev.argus.e2e;

import static dev.argus.testsupport.ArgusTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every engine this machine runs, in one probe process, over the samples a multi-scanner is judged by: EICAR,
 * a file carrying the project's YARA test marker, an ELF program (/bin/ls), a zip and a PE executable. Each
 * file gets one result per engine, each naming its engine and signature version, or {@code type-unsupported}
 * where the engine's mime filter declines the file.
 */
class EnginesEndToEndTests {

    /** The category each engine registers with. */
    static final Map<String, String> CATEGORIES = Map.of(
            "clamav", "antivirus", "clamscan", "antivirus", "icap", "antivirus", "yara", "antivirus",
            "hashlist", "database", "metadata", "metadata", "executable", "metadata");

    static ArgusStack stack;

    @BeforeAll
    static void startArgus() throws Exception {
        stack = ArgusStack.start("engines", TestEnvironment.ENGINES);
    }

    @AfterAll
    static void stopArgus() throws InterruptedException {
        if (stack != null) {
            stack.stop();
        }
    }

    @Test
    void listsEveryEngineOnlineWithItsCategory() throws Exception {
        Map<String, String> listed = new HashMap<>();
        for (JsonNode probe : json(stack.api.get("/api/v1/probes"))) {
            assertThat(probe.path("online").asBoolean()).as(probe.path("name").asString()).isTrue();
            assertThat(probe.path("engineVersion").asString()).as(probe.path("name").asString()).isNotBlank();
            listed.put(probe.path("name").asString(), probe.path("category").asString());
        }

        assertThat(listed).containsExactlyInAnyOrderEntriesOf(CATEGORIES);
    }

    @Test
    void givesEverySampleOneResultPerEngineWithVersions() throws Exception {
        String marker = "ARGUS-YARA-TEST-MARKER " + UUID.randomUUID();
        HttpResponse<String> accepted = stack.api.uploadStreamed(Upload.form(Map.of("force", "true"))
                .file("eicar.com", PipelineEndToEndTests.EICAR)
                .file("marker.txt", marker.getBytes(StandardCharsets.US_ASCII))
                .file("ls", Files.readAllBytes(Path.of("/bin/ls")))
                .file("sample.zip", sample("sample.zip"))
                .file("tiny-pe.exe", sample("tiny-pe.exe")));
        assertThat(accepted.statusCode()).isEqualTo(202);

        JsonNode scan = stack.api.awaitFinished(json(accepted).path("id").asString(), Duration.ofMinutes(2));

        assertThat(scan.path("status").asString()).isEqualTo("finished");
        assertThat(scan.path("progress").path("total").asInt()).isEqualTo(5 * CATEGORIES.size());
        Map<String, JsonNode> byName = new HashMap<>();
        for (JsonNode file : scan.path("files")) {
            byName.put(file.path("name").asString(), file);
            assertOneResultPerEngineWithVersions(file);
        }
        assertThat(byName).containsOnlyKeys("eicar.com", "marker.txt", "ls", "sample.zip", "tiny-pe.exe");

        for (String antivirus : new String[] {"clamav", "clamscan", "icap", "yara", "hashlist"}) {
            assertThat(category(byName.get("eicar.com"), antivirus)).as("EICAR by " + antivirus).isEqualTo("malicious");
        }
        assertThat(result(byName.get("marker.txt"), "yara").path("category").asString()).isEqualTo("malicious");
        assertThat(result(byName.get("marker.txt"), "yara").path("result").asString()).isEqualTo("Argus_Test_Marker");
        assertThat(category(byName.get("marker.txt"), "clamav")).isEqualTo("undetected");
        assertThat(category(byName.get("ls"), "executable")).isEqualTo("undetected");
        assertThat(result(byName.get("ls"), "executable").path("details").toString()).containsIgnoringCase("elf");
        assertThat(category(byName.get("tiny-pe.exe"), "executable")).isEqualTo("undetected");
        assertThat(result(byName.get("tiny-pe.exe"), "executable").path("details").toString())
                .contains("KERNEL32.dll");
        assertThat(category(byName.get("sample.zip"), "executable")).isEqualTo("type-unsupported");
        assertThat(category(byName.get("sample.zip"), "clamav")).isEqualTo("undetected");
        assertThat(result(byName.get("sample.zip"), "metadata").path("details").path("sha256").asString())
                .isEqualTo(byName.get("sample.zip").path("sha256").asString());
    }

    private static void assertOneResultPerEngineWithVersions(JsonNode file) {
        String name = file.path("name").asString();
        Set<String> engines = new HashSet<>();
        file.path("results").properties().forEach(entry -> {
            engines.add(entry.getKey());
            JsonNode result = entry.getValue();
            String category = result.path("category").asString();
            assertThat(category).as(name + " by " + entry.getKey() + ": " + result.path("error").asString())
                    .isNotIn("failure", "timeout");
            if (!category.equals("type-unsupported")) {
                assertThat(result.path("engineVersion").asString()).as(name + " engine version by " + entry.getKey())
                        .isNotBlank();
                assertThat(result.path("signatureVersion").asString())
                        .as(name + " signature version by " + entry.getKey()).isNotBlank();
            }
        });
        assertThat(engines).as("engines that answered for " + name).isEqualTo(CATEGORIES.keySet());
    }

    private static JsonNode result(JsonNode file, String probe) {
        return file.path("results").path(probe);
    }

    private static String category(JsonNode file, String probe) {
        return result(file, probe).path("category").asString();
    }

    private static byte[] sample(String name) throws Exception {
        try (InputStream in = EnginesEndToEndTests.class.getResourceAsStream("/samples/" + name)) {
            assertThat(in).as("sample " + name).isNotNull();
            return in.readAllBytes();
        }
    }
}
