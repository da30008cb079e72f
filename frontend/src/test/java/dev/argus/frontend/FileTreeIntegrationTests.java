package dev.argus.frontend;

import static dev.argus.frontend.ResultMessages.answer;
import static dev.argus.frontend.ResultMessages.publishFromBrain;
import static dev.argus.frontend.ResultMessages.publishFromProbe;
import static dev.argus.testsupport.ArgusTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.argus.common.amqp.Topology;
import dev.argus.common.message.Category;
import dev.argus.common.message.EngineResult;
import dev.argus.common.message.ExtractedFile;
import dev.argus.common.message.Extraction;
import dev.argus.common.message.ExtractionReport;
import dev.argus.common.message.ExtractionStatus;
import dev.argus.common.message.JobResult;
import dev.argus.common.message.ScanRequested;
import dev.argus.testsupport.ArgusTestClient.Multipart;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The file tree of a scan: an extraction report relayed by the brain adds the files found to the scan (and their
 * pairs to its total), the API shows each file's parent, path, depth and extraction, a container's verdict is at least
 * as bad as what it holds and names the path, a locked container is never clean, file reports list parents and
 * children, and a probe's own copy of an extraction result is ignored. Passwords reach the brain and are never shown.
 */
class FileTreeIntegrationTests extends AbstractMessageFlowIntegrationTests {

    static final String EXTRACT = "extract";

    @BeforeEach
    void knowTheExtractionProbe() {
        markExtractorOnline(EXTRACT);
    }

    @Test
    void filesFoundInAnArchiveJoinTheScanAsATreeAndTheRootsVerdictNamesThePathToTheDetection() {
        byte[] outer = unique();
        String root = sha256(outer);
        UUID scan = uploadWithPasswords("outer.zip", outer, "first secret", "second,with comma");

        ScanRequested requested = (ScanRequested) rabbit.receiveAndConvert(Topology.SCANS_QUEUE, 10_000);
        assertThat(requested.scanId()).isEqualTo(scan);
        assertThat(requested.passwords()).containsExactly("first secret", "second,with comma");
        assertThat(requested.toString()).doesNotContain("first secret");
        assertThat(http.get("/api/v1/scans/" + scan).body()).doesNotContain("secret");

        String inner = newSha256();
        String payload = newSha256();
        ExtractionReport report = new ExtractionReport(new Extraction(ExtractionStatus.EXTRACTED, null, 1), List.of(
                member(inner, root, "docs/inner.zip", 1, new Extraction(ExtractionStatus.EXTRACTED, null, 1)),
                member(payload, inner, "payload.com", 2, null)));
        JobResult extracted = new JobResult(UUID.randomUUID(), scan, root, EXTRACT, 1, false, false, false,
                new EngineResult(Category.UNDETECTED, null, "1", null, 4, null, Map.of()), report);

        publishFromProbe(publisher, EXTRACT, extracted);
        // the probe's own copy is the brain's to relay: nothing of it is stored, for as long as we look
        await().during(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(5))
                .until(() -> storedResults(scan) == 0 && scan(scan).get("files").size() == 1);
        // a result for a file found inside, overtaking the relay that adds the file (another frontend holds it)
        publishFromProbe(publisher, CLAMAV, answer(scan, payload, CLAMAV, Category.MALICIOUS, "Eicar-Signature"));
        await().until(() -> jdbc.sql("select count(*) from scan_result_early where scan_id = ?").param(scan)
                .query(Integer.class).single() == 1);

        publishFromBrain(publisher, extracted,
                extractAnswer(scan, inner, Category.UNDETECTED), extractAnswer(scan, payload, Category.TYPE_UNSUPPORTED));
        await().untilAsserted(() -> assertThat(scan(scan).get("files")).hasSize(3));
        JsonNode running = scan(scan);
        assertThat(running.get("progress").toString())
                .as("3 files x 2 probes: the extraction pairs and the result that came early are in")
                .isEqualTo("{\"total\":6,\"done\":4}");
        assertThat(jdbc.sql("select count(*) from scan_result_early where scan_id = ?").param(scan)
                .query(Integer.class).single()).isZero();
        JsonNode files = running.get("files");
        assertThat(files.get(0).get("parent").isNull()).isTrue();
        assertThat(files.get(0).get("depth").asInt()).isZero();
        assertThat(files.get(0).get("extraction").get("status").asString()).isEqualTo("extracted");
        assertThat(files.get(1).get("parent").asString()).isEqualTo(root);
        assertThat(files.get(1).get("path").asString()).isEqualTo("docs/inner.zip");
        assertThat(files.get(2).get("parent").asString()).isEqualTo(inner);
        assertThat(files.get(2).get("depth").asInt()).isEqualTo(2);
        assertThat(files.get(2).get("extraction").isNull()).isTrue();

        publishFromProbe(publisher, CLAMAV, answer(scan, root, CLAMAV, Category.UNDETECTED, null));
        await().untilAsserted(() -> assertThat(scan(scan).get("progress").get("done").asInt()).isEqualTo(5));
        assertThat(scan(scan).get("files").get(0).get("verdict").isNull())
                .as("a container's verdict waits for what it holds").isTrue();
        publishFromProbe(publisher, CLAMAV, answer(scan, inner, CLAMAV, Category.UNDETECTED, null));

        await().untilAsserted(() -> assertThat(status(scan)).isEqualTo("finished"));
        JsonNode verdict = scan(scan).get("files").get(0).get("verdict");
        assertThat(verdict.get("label").asString()).isEqualTo("malicious");
        assertThat(verdict.get("explanation").get(0).asString())
                .isEqualTo("outer.zip › docs/inner.zip › payload.com: clamav Eicar-Signature");
        assertThat(scan(scan).get("files").get(1).get("verdict").get("label").asString()).isEqualTo("malicious");
        JsonNode listed = null;
        for (JsonNode item : json(http.get("/api/v1/scans?page=0&size=20")).get("items")) {
            if (item.get("id").asString().equals(scan.toString())) {
                listed = item;
            }
        }
        assertThat(listed).as("the scan in the list of scans").isNotNull();
        assertThat(listed.get("files").get(1).get("path").asString()).isEqualTo("docs/inner.zip");
        assertThat(listed.get("files").get(1).get("extraction").get("status").asString()).isEqualTo("extracted");
        assertThat(listed.get("files").get(0).get("verdict").get("explanation").get(0).asString())
                .isEqualTo("outer.zip › docs/inner.zip › payload.com: clamav Eicar-Signature");

        JsonNode payloadReport = json(http.get("/api/v1/files/" + payload));
        assertThat(payloadReport.get("parents").get(0).get("sha256").asString()).isEqualTo(inner);
        assertThat(payloadReport.get("parents").get(0).get("path").asString()).isEqualTo("payload.com");
        JsonNode innerReport = json(http.get("/api/v1/files/" + inner));
        assertThat(innerReport.get("children").get(0).get("sha256").asString()).isEqualTo(payload);
        assertThat(innerReport.get("parents").get(0).get("sha256").asString()).isEqualTo(root);
    }

    @Test
    void aContainerThatStaysLockedIsSuspiciousNeverCleanAndAFileFoundTwiceJoinsOnce() {
        byte[] outer = unique();
        String root = sha256(outer);
        UUID scan = uploadWithPasswords("locked.zip", outer);
        String member = newSha256();
        ExtractionReport report = new ExtractionReport(
                new Extraction(ExtractionStatus.ENCRYPTED, "no password opened 1 of 2 members", 2),
                List.of(member(member, root, "a.txt", 1, null), member(member, root, "copy/a.txt", 1, null)));
        publishFromBrain(publisher, new JobResult(UUID.randomUUID(), scan, root, EXTRACT, 1, false, false, false,
                        new EngineResult(Category.SUSPICIOUS, "Argus.Extract.Encrypted", "1", null, 4, null, Map.of()),
                        report),
                extractAnswer(scan, member, Category.TYPE_UNSUPPORTED));
        publishFromProbe(publisher, CLAMAV, answer(scan, root, CLAMAV, Category.UNDETECTED, null),
                answer(scan, member, CLAMAV, Category.UNDETECTED, null));

        await().untilAsserted(() -> assertThat(status(scan)).isEqualTo("finished"));
        JsonNode finished = scan(scan);
        assertThat(finished.get("progress").toString()).isEqualTo("{\"total\":4,\"done\":4}");
        JsonNode rootFile = finished.get("files").get(0);
        assertThat(rootFile.get("extraction").get("status").asString()).isEqualTo("encrypted");
        assertThat(rootFile.get("verdict").get("label").asString()).isEqualTo("suspicious");
        assertThat(rootFile.get("verdict").get("explanation").get(0).asString())
                .startsWith("locked.zip: encrypted (no password opened 1 of 2 members)");
        assertThat(finished.get("files").get(1).get("verdict").get("label").asString()).isEqualTo("clean");
    }

    @Test
    void passwordsThatAreTooManyTooLongOrHoldNulAre400WithoutEchoingThem() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
            many.add("password-" + i);
        }
        for (List<String> passwords : List.of(many, List.of("x".repeat(257)), List.of("nul\0inside"))) {
            Multipart form = new Multipart().field("probes", CLAMAV).file("p.bin", unique());
            passwords.forEach(p -> form.field("passwords", p));
            HttpResponse<String> response = http.upload(form);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(response.body()).contains("passwords").doesNotContain("password-1").doesNotContain("xxxx")
                    .doesNotContain("inside");
        }
    }

    private UUID uploadWithPasswords(String name, byte[] content, String... passwords) {
        amqpAdmin.purgeQueue(Topology.SCANS_QUEUE, false);
        Multipart form = new Multipart().field("probes", EXTRACT + "," + CLAMAV).file(name, content);
        for (String password : passwords) {
            form.field("passwords", password);
        }
        HttpResponse<String> response = http.upload(form);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(response.body()).doesNotContain("secret");
        return UUID.fromString(json(response).get("id").asString());
    }

    private static JobResult extractAnswer(UUID scan, String sha256, Category category) {
        return new JobResult(null, scan, sha256, EXTRACT, 0, false, false, false,
                new EngineResult(category, null, "1", null, 0, null, Map.of()));
    }

    private static ExtractedFile member(String sha256, String parent, String path, int depth, Extraction extraction) {
        return new ExtractedFile(sha256, sha256.substring(0, 32), sha256.substring(0, 40), 68, "application/zip",
                parent, path, depth, extraction);
    }

    private static String newSha256() {
        return sha256(unique());
    }
}
