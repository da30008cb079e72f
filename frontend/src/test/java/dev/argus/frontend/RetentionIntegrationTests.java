package dev.argus.frontend;

import static dev.argus.frontend.AbstractFrontendIntegrationTests.assertProblem;
import static dev.argus.frontend.AbstractFrontendIntegrationTests.ftpHas;
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
import dev.argus.common.message.ForgetFiles;
import dev.argus.common.message.JobResult;
import dev.argus.common.store.FileStore;
import dev.argus.common.store.StoreKeys;
import dev.argus.frontend.retention.OrphanSweep;
import dev.argus.frontend.store.FtpProperties;
import dev.argus.testsupport.ArgusTestClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Retention and deletion against real PostgreSQL, RabbitMQ and the FTP server: an admin's DELETE removes the bytes
 * from the FTP server and every row, so the hash answers 404; an archive takes what was found inside with it, except
 * what is held or found elsewhere too; a held file needs force; retention deletes files not seen and scans older than
 * configured (rows backdated here) and skips held files; the orphan sweep deletes an old unreferenced store file and
 * keeps a referenced one and a fresh one. The job's own orphan sweep is off in tests (application-test.properties):
 * the FTP server is shared with other test databases, whose files this database does not reference; the sweep is
 * run on a store directory of this test's own.
 */
// Ages of ten and twenty years: the test database is kept between runs and shared by every test class, so only the
// rows this test backdates are old enough to go.
@TestPropertySource(properties = {"argus.retention.enabled=false", "argus.retention.files-unseen-for=3650d",
        "argus.retention.scans-older-than=7300d"})
class RetentionIntegrationTests extends AbstractMessageFlowIntegrationTests {

    static final String EXTRACT = "extract";

    @Autowired
    FileStore fileStore;
    @Autowired
    FtpProperties ftp;
    @Autowired
    OrphanSweep orphanSweep;

    @BeforeEach
    void knowTheExtractionProbe() {
        markExtractorOnline(EXTRACT);
    }

    @Test
    void deleteRemovesTheBytesFromTheFtpServerAndEveryRowSoTheHashAnswers404() {
        byte[] doomed = unique();
        byte[] kept = unique();
        String sha256 = sha256(doomed);
        UUID scan = upload(CLAMAV, doomed, kept);
        publishFromProbe(publisher, CLAMAV, answer(scan, sha256, CLAMAV, Category.MALICIOUS, "Test-Threat"));
        publishFromProbe(publisher, CLAMAV, answer(scan, sha256(kept), CLAMAV, Category.UNDETECTED, null));
        await().untilAsserted(() -> assertThat(status(scan)).isEqualTo("finished"));
        assertThat(http.send("PUT", "/api/v1/files/" + sha256 + "/label", "application/json",
                "{\"label\":\"malicious\"}").statusCode()).isEqualTo(200);
        UUID alone = upload(CLAMAV, doomed);
        assertThat(ftpHas(ftp, StoreKeys.path(sha256))).isTrue();
        assertThat(rowsAbout(sha256)).isPositive();

        for (String role : List.of("ANALYST", "READER")) {
            assertProblem(delete(http.newUser(role), "/api/v1/files/" + sha256), 403,
                    "forbidden");
        }
        assertThat(ftpHas(ftp, StoreKeys.path(sha256))).as("a refused delete leaves the file").isTrue();

        HttpResponse<String> deleted = delete(http, "/api/v1/files/" + hexOf("MD5", doomed));

        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        assertProblem(http.get("/api/v1/files/" + sha256), 404, "file-not-found");
        assertThat(ftpHas(ftp, StoreKeys.path(sha256))).as("the bytes are gone from the FTP server").isFalse();
        assertThat(rowsAbout(sha256)).isZero();
        assertThat(forgottenInBrain()).as("the brain is told to forget its cached results").containsExactly(sha256);
        assertThat(http.get("/api/v1/scans/" + alone).statusCode()).as("a scan left with no file is deleted")
                .isEqualTo(404);
        JsonNode remaining = scan(scan);
        assertThat(remaining.get("files")).hasSize(1);
        assertThat(remaining.get("files").get(0).get("sha256").asString()).isEqualTo(sha256(kept));
        assertThat(ftpHas(ftp, StoreKeys.path(sha256(kept)))).isTrue();
        JsonNode audit = json(http.get("/api/v1/admin/audit?action=file-deleted")).get("items").get(0);
        assertThat(audit.get("target").asString()).isEqualTo(sha256);
        assertThat(audit.get("actor").asString()).isEqualTo("admin");

        assertProblem(delete(http, "/api/v1/files/" + sha256), 404, "file-not-found");
        assertProblem(delete(http, "/api/v1/files/not-a-hash"), 400, "invalid-hash");
    }

    @Test
    void deletingAnArchiveRemovesWhatWasFoundInsideExceptWhatIsHeldOrFoundElsewhere() {
        byte[] archive = unique();
        byte[] other = unique();
        byte[] onlyInside = unique();
        byte[] nested = unique();
        byte[] shared = unique();
        byte[] held = unique();
        String root = sha256(archive);
        UUID scan = extractInto(archive, List.of(
                member(onlyInside, root, "a.zip", 1), member(nested, sha256(onlyInside), "a/b.bin", 2),
                member(shared, root, "shared.bin", 1), member(held, root, "held.bin", 1)));
        extractInto(other, List.of(member(shared, sha256(other), "copy.bin", 1)));
        for (byte[] child : List.of(onlyInside, nested, shared, held)) {
            fileStore.store(sha256(child), new ByteArrayInputStream(child));
        }
        HttpResponse<String> hold = http.send("PUT", "/api/v1/files/" + sha256(held) + "/legal-hold",
                "application/json", "{\"reason\":\"case 42\"}");
        assertThat(hold.statusCode()).as(hold.body()).isEqualTo(200);
        assertThat(json(hold).get("placedBy").asString()).isEqualTo("admin");

        assertThat(delete(http, "/api/v1/files/" + root).statusCode()).isEqualTo(204);

        for (byte[] gone : List.of(archive, onlyInside, nested)) {
            assertThat(http.get("/api/v1/files/" + sha256(gone)).statusCode()).isEqualTo(404);
            assertThat(ftpHas(ftp, StoreKeys.path(sha256(gone)))).isFalse();
        }
        for (byte[] stays : List.of(other, shared, held)) {
            assertThat(http.get("/api/v1/files/" + sha256(stays)).statusCode()).isEqualTo(200);
            assertThat(ftpHas(ftp, StoreKeys.path(sha256(stays)))).isTrue();
        }
        assertThat(http.get("/api/v1/scans/" + scan).statusCode()).as("the held file keeps the scan").isEqualTo(200);
        assertThat(json(http.get("/api/v1/files/" + sha256(held))).get("parents")).isEmpty();

        assertProblem(delete(http, "/api/v1/files/" + sha256(held)), 409, "legal-hold");
        assertThat(ftpHas(ftp, StoreKeys.path(sha256(held)))).isTrue();
        assertThat(delete(http, "/api/v1/files/" + sha256(held) + "?force=true").statusCode())
                .isEqualTo(204);
        assertThat(ftpHas(ftp, StoreKeys.path(sha256(held)))).isFalse();
        assertThat(http.get("/api/v1/files/" + sha256(held)).statusCode()).isEqualTo(404);
    }

    @Test
    void retentionDeletesFilesNotSeenAndOldScansButSkipsHeldFiles() {
        byte[] unseen = unique();
        byte[] heldUnseen = unique();
        byte[] recent = unique();
        byte[] inOldScan = unique();
        UUID unseenScan = upload(CLAMAV, unseen);
        UUID heldScan = upload(CLAMAV, heldUnseen);
        UUID oldScan = finished(inOldScan);
        UUID recentScan = finished(recent);
        backdateFile(unseen, Duration.ofDays(3651));
        backdateFile(heldUnseen, Duration.ofDays(4000));
        jdbc.sql("update scan set created_at = ? where id = ?")
                .param(Timestamp.from(Instant.now().minus(Duration.ofDays(7301)))).param(oldScan).update();
        assertThat(http.send("PUT", "/api/v1/files/" + sha256(heldUnseen) + "/legal-hold", "application/json",
                "{}").statusCode()).isEqualTo(200);
        assertProblem(http.newUser("ANALYST").post("/api/v1/admin/retention/run"), 403, "forbidden");

        HttpResponse<String> ran = http.post("/api/v1/admin/retention/run");

        assertThat(ran.statusCode()).as(ran.body()).isEqualTo(200);
        JsonNode run = json(ran);
        assertThat(run.get("files").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(run.get("fileBytes").asLong()).isGreaterThanOrEqualTo(unseen.length);
        assertThat(run.get("scans").asInt()).as("the old scan and the one left empty").isGreaterThanOrEqualTo(2);
        assertThat(run.get("results").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(http.get("/api/v1/files/" + sha256(unseen)).statusCode()).isEqualTo(404);
        assertThat(ftpHas(ftp, StoreKeys.path(sha256(unseen)))).isFalse();
        assertThat(http.get("/api/v1/scans/" + unseenScan).statusCode()).isEqualTo(404);
        assertThat(http.get("/api/v1/files/" + sha256(heldUnseen)).statusCode()).isEqualTo(200);
        assertThat(ftpHas(ftp, StoreKeys.path(sha256(heldUnseen)))).isTrue();
        assertThat(http.get("/api/v1/scans/" + heldScan).statusCode()).isEqualTo(200);
        assertThat(http.get("/api/v1/scans/" + oldScan).statusCode()).isEqualTo(404);
        assertThat(http.get("/api/v1/files/" + sha256(inOldScan)).statusCode())
                .as("a file seen recently outlives its old scan").isEqualTo(200);
        assertThat(http.get("/api/v1/scans/" + recentScan).statusCode()).isEqualTo(200);

        JsonNode status = json(http.get("/api/v1/admin/retention"));
        assertThat(status.get("filesUnseenFor").asString()).isEqualTo("PT87600H");
        assertThat(status.get("scansOlderThan").asString()).isEqualTo("PT175200H");
        JsonNode last = status.get("lastRuns").get(0);
        assertThat(last.get("actor").asString()).isEqualTo("admin");
        assertThat(last.get("detail").asString()).startsWith("files " + run.get("files").asInt() + " (");
        assertThat(http.get("/api/v1/admin/legal-holds").body()).contains(sha256(heldUnseen));

        assertThat(delete(http, "/api/v1/files/" + sha256(heldUnseen) + "/legal-hold")
                .statusCode()).isEqualTo(204);
        assertThat(json(http.post("/api/v1/admin/retention/run")).get("files").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(http.get("/api/v1/files/" + sha256(heldUnseen)).statusCode()).as("lifted, it goes")
                .isEqualTo(404);
    }

    @Test
    void orphanSweepDeletesAnOldUnreferencedStoreFileAndKeepsAReferencedOneAndAFreshOne() throws IOException {
        List<byte[]> contents = inAnEmptyStoreDirectory(3);
        String directory = StoreKeys.directory(sha256(contents.get(0)));
        byte[] referenced = contents.get(0);
        byte[] oldOrphan = contents.get(1);
        byte[] freshOrphan = contents.get(2);
        upload(CLAMAV, referenced);
        fileStore.store(sha256(oldOrphan), new ByteArrayInputStream(oldOrphan));
        fileStore.store(sha256(freshOrphan), new ByteArrayInputStream(freshOrphan));
        setWrittenAt(sha256(referenced), "20200101000000");
        setWrittenAt(sha256(oldOrphan), "20200101000000");

        OrphanSweep.Swept swept = orphanSweep.sweep(List.of(directory), Instant.now().minus(Duration.ofHours(1)));

        assertThat(swept.files()).isEqualTo(1);
        assertThat(swept.bytes()).isEqualTo(oldOrphan.length);
        assertThat(ftpHas(ftp, StoreKeys.path(sha256(oldOrphan)))).isFalse();
        assertThat(ftpHas(ftp, StoreKeys.path(sha256(referenced)))).isTrue();
        assertThat(ftpHas(ftp, StoreKeys.path(sha256(freshOrphan)))).isTrue();
    }

    private UUID finished(byte[] content) {
        UUID scan = upload(CLAMAV, content);
        publishFromProbe(publisher, CLAMAV, answer(scan, sha256(content), CLAMAV, Category.UNDETECTED, null));
        await().untilAsserted(() -> assertThat(status(scan)).isEqualTo("finished"));
        return scan;
    }

    private void backdateFile(byte[] content, Duration age) {
        Timestamp then = Timestamp.from(Instant.now().minus(age));
        jdbc.sql("update file set first_seen = ?, last_seen = ? where sha256 = ?")
                .param(then).param(then).param(sha256(content)).update();
    }

    /** Uploads the archive for extraction and relays, as the brain does, the report naming the members. */
    private UUID extractInto(byte[] archive, List<ExtractedFile> members) {
        amqpAdmin.purgeQueue(Topology.SCANS_QUEUE, false);
        UUID scan = upload(EXTRACT, archive);
        JobResult extracted = new JobResult(UUID.randomUUID(), scan, sha256(archive), EXTRACT, 1, false, false, false,
                new EngineResult(Category.UNDETECTED, null, "1", null, 4, null, Map.of()),
                new ExtractionReport(new Extraction(ExtractionStatus.EXTRACTED, null, 1), members));
        publishFromBrain(publisher, extracted);
        await().untilAsserted(() -> assertThat(scan(scan).get("files")).hasSize(1 + members.size()));
        return scan;
    }

    private static ExtractedFile member(byte[] content, String parent, String path, int depth) {
        return new ExtractedFile(sha256(content), hexOf("MD5", content), hexOf("SHA-1", content), content.length,
                "application/octet-stream", parent, path, depth, null);
    }

    /** The files of the first {@code ForgetFiles} on the brain's queue, the scan requests before it skipped. */
    private List<String> forgottenInBrain() {
        Object message;
        do {
            message = rabbit.receiveAndConvert(Topology.SCANS_QUEUE, 10_000);
            assertThat(message).as("a ForgetFiles on " + Topology.SCANS_QUEUE).isNotNull();
        } while (!(message instanceof ForgetFiles));
        return ((ForgetFiles) message).sha256s();
    }

    private long rowsAbout(String sha256) {
        return jdbc.sql("""
                        select (select count(*) from file where sha256 = :s) + (select count(*) from file_name
                        where sha256 = :s) + (select count(*) from file_label where sha256 = :s) + (select count(*)
                        from scan_file where sha256 = :s) + (select count(*) from scan_result where sha256 = :s)
                        + (select count(*) from file_member where parent = :s or child = :s)
                        + (select count(*) from legal_hold where sha256 = :s)""")
                .param("s", sha256).query(Long.class).single();
    }

    /** Unique contents whose sha256 share a store directory that holds nothing yet on the shared FTP server. */
    private List<byte[]> inAnEmptyStoreDirectory(int count) {
        while (true) {
            byte[] first = unique();
            String directory = StoreKeys.directory(sha256(first));
            if (!fileStore.keys(directory).isEmpty()) {
                continue;
            }
            List<byte[]> contents = new ArrayList<>(List.of(first));
            String prefix = "retention orphan " + UUID.randomUUID() + " ";
            for (long i = 0; contents.size() < count; i++) {
                byte[] candidate = (prefix + i).getBytes(StandardCharsets.UTF_8);
                if (StoreKeys.directory(sha256(candidate)).equals(directory)) {
                    contents.add(candidate);
                }
            }
            return contents;
        }
    }

    /** Sets a store file's modification time on the FTP server (vsftpd's MDTM with a time, in UTC). */
    private void setWrittenAt(String sha256, String utc) throws IOException {
        FTPClient client = new FTPClient();
        try {
            client.connect(ftp.host(), ftp.port());
            assertThat(client.login(ftp.username(), ftp.password())).isTrue();
            assertThat(client.sendCommand("MDTM", utc + " " + StoreKeys.path(sha256))).isEqualTo(213);
        } finally {
            client.disconnect();
        }
    }

    private static String hexOf(String algorithm, byte[] content) {
        try {
            return AbstractFrontendIntegrationTests.hex(algorithm, content);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> delete(ArgusTestClient client, String path) {
        return client.send(HttpRequest.newBuilder(client.uri(path)).DELETE());
    }
}
