package dev.argus.frontend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.argus.common.json.ArgusJson;
import dev.argus.common.message.ScanRequested;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * VirusTotal API v2 on Argus through a real client: Debian's python3-virustotal-api ({@code PublicApi}, its base
 * URL pointed at Argus), run with /usr/bin/python3. It uploads a file, reads its report while queued (by sha256
 * and by scan id), then finished once the test has played the probes, as a batch, rescans it, and is refused with
 * a wrong key (403, as VirusTotal v2 answers).
 */
class VtV2ClientIntegrationTests extends AbstractVtIntegrationTests {

    private static final String CLIENT = """
            import json, sys
            from virus_total_apis import PublicApi
            key, base, path = sys.argv[1:4]
            api = PublicApi(key)
            api.base = base + "/vtapi/v2/"
            def out(step, response):
                print(step, json.dumps(response), flush=True)
            scan = api.scan_file(path, filename="v2-sample.bin")
            out("scan", scan)
            out("queued", api.get_file_report(scan["results"]["sha256"]))
            out("queued-by-id", api.get_file_report(scan["results"]["scan_id"]))
            sys.stdin.readline()
            out("finished", api.get_file_report(scan["results"]["sha256"]))
            out("batch", api.get_file_report([scan["results"]["md5"], "0" * 64]))
            out("rescan", api.rescan_file(scan["results"]["sha1"]))
            wrong = PublicApi("not-an-argus-key")
            wrong.base = api.base
            out("wrong-key", wrong.get_file_report(scan["results"]["sha256"]))
            """;

    @Test
    void theVirusTotalV2ClientScansReadsReportsAndRescans() throws Exception {
        byte[] content = unique();
        String sha256 = sha256(content);
        Path sample = Files.createTempFile("v2-sample", ".bin");
        Files.write(sample, content);
        Process client = new ProcessBuilder("/usr/bin/python3", "-c", CLIENT, TestKeys.ADMIN_KEY,
                "http://127.0.0.1:" + port, sample.toString()).redirectErrorStream(true).start();
        Map<String, JsonNode> steps = new LinkedHashMap<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(client.getInputStream(),
                StandardCharsets.UTF_8)); Writer in = client.outputWriter()) {
            readSteps(out, steps, "queued-by-id");
            JsonNode scan = steps.get("scan").get("results");
            assertThat(steps.get("scan").get("response_code").asInt()).isEqualTo(200);
            assertThat(scan.get("response_code").asInt()).isEqualTo(1);
            assertThat(scan.get("verbose_msg").asString()).contains("queued");
            assertThat(scan.get("sha256").asString()).isEqualTo(sha256);
            assertThat(scan.get("md5").asString()).isEqualTo(AbstractFrontendIntegrationTests.hex("MD5", content));
            String scanId = scan.get("scan_id").asString();
            assertThat(scan.get("permalink").asString())
                    .isEqualTo("http://127.0.0.1:" + port + "/api/v3/analyses/" + scanId);
            for (String step : new String[] {"queued", "queued-by-id"}) {
                JsonNode queued = steps.get(step).get("results");
                assertThat(queued.get("response_code").asInt()).as(step).isEqualTo(-2);
                assertThat(queued.get("scan_id").asString()).isEqualTo(scanId);
            }

            ScanRequested requested = receiveScanRequested();
            assertThat(requested.scanId().toString()).isEqualTo(scanId);
            answer(requested, "V2-Test-Signature");
            await().until(() -> status(UUID.fromString(scanId)).equals("finished"));
            in.write("go\n");
            in.flush();
            readSteps(out, steps, "wrong-key");
        } finally {
            assertThat(client.waitFor(60, TimeUnit.SECONDS)).isTrue();
            Files.delete(sample);
        }
        assertThat(client.exitValue()).isZero();

        JsonNode finished = steps.get("finished").get("results");
        assertThat(finished.get("response_code").asInt()).isEqualTo(1);
        assertThat(finished.get("sha256").asString()).isEqualTo(sha256);
        assertThat(finished.get("positives").asInt()).isEqualTo(1);
        assertThat(finished.get("total").asInt()).isEqualTo(finished.get("scans").size()).isPositive();
        assertThat(finished.get("scan_date").asString()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        JsonNode clamav = finished.get("scans").get(CLAMAV);
        assertThat(clamav.get("detected").asBoolean()).isTrue();
        assertThat(clamav.get("result").asString()).isEqualTo("V2-Test-Signature");
        assertThat(clamav.get("version").asString()).isEqualTo("1.4.6");
        assertThat(clamav.get("update").asString()).isEqualTo("27800");
        assertThat(finished.get("scans").get(YARA).get("detected").asBoolean()).isFalse();

        JsonNode batch = steps.get("batch").get("results");
        assertThat(batch.isArray()).isTrue();
        assertThat(batch.get(0).get("response_code").asInt()).isEqualTo(1);
        assertThat(batch.get(0).get("sha256").asString()).isEqualTo(sha256);
        assertThat(batch.get(1).get("response_code").asInt()).isZero();
        assertThat(batch.get(1).get("resource").asString()).isEqualTo("0".repeat(64));

        JsonNode rescan = steps.get("rescan").get("results");
        assertThat(rescan.get("response_code").asInt()).isEqualTo(1);
        assertThat(rescan.get("sha256").asString()).isEqualTo(sha256);
        ScanRequested rescanned = receiveScanRequested();
        assertThat(rescanned.scanId().toString()).isEqualTo(rescan.get("scan_id").asString());
        assertThat(rescanned.force()).isTrue();

        assertThat(steps.get("wrong-key").get("response_code").asInt()).isEqualTo(403);
    }

    private static void readSteps(BufferedReader out, Map<String, JsonNode> steps, String last) throws Exception {
        String line;
        while ((line = out.readLine()) != null) {
            int space = line.indexOf(' ');
            assertThat(space).as("client output: " + line).isPositive();
            String step = line.substring(0, space);
            steps.put(step, ArgusJson.mapper().readTree(line.substring(space + 1)));
            if (step.equals(last)) {
                return;
            }
        }
        throw new AssertionError("the client ended before step " + last + "; steps: " + steps);
    }
}
