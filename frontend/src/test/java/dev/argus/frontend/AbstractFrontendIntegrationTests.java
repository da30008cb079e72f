package dev.argus.frontend;

import static dev.argus.testsupport.ArgusTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.argus.testsupport.ArgusTestClient;
import dev.argus.testsupport.ArgusTestClient.Multipart;
import dev.argus.common.amqp.Topology;
import dev.argus.common.message.CancelScan;
import dev.argus.common.message.Category;
import dev.argus.common.message.ProbeCategory;
import dev.argus.common.message.ProbeDescriptor;
import dev.argus.common.message.ProbeDirectoryUpdated;
import dev.argus.common.message.ProbeStatus;
import dev.argus.common.message.ScanFile;
import dev.argus.common.message.ScanRequested;
import dev.argus.common.store.FileStore;
import dev.argus.common.store.StoreKeys;
import dev.argus.frontend.catalog.NewFile;
import dev.argus.frontend.probe.ProbeDirectory;
import dev.argus.frontend.scan.ScanOptions;
import dev.argus.frontend.scan.ScanService;
import dev.argus.frontend.store.FtpProperties;
import dev.argus.messaging.MessagePublisher;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The frontend against real PostgreSQL, RabbitMQ and FTP. The test plays the brain and the probes: it reads what the
 * frontend sends to {@code argus.brain.scans}, publishes {@code ProbeDirectoryUpdated} to {@code argus.frontend} and
 * {@code ResultsReported} to {@code argus.results} as a probe does (routing key {@code probe.<name>}) or as the brain
 * does (key {@code brain}). The upload limit is 1KB so the 413 case needs no big file;
 * the label import limit is 64KB and a model is retrained after 30 new labels.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"argus.upload.max-file-size=1KB", "argus.frontend.verdict.max-label-import-size=64KB",
                "argus.frontend.verdict.retrain-after-labels=30"})
@ActiveProfiles("test")
abstract class AbstractFrontendIntegrationTests {

    static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";
    static final String EICAR_MD5 = "44d88612fea8a8f36de82e1278abb02f";
    static final String EICAR_SHA1 = "3395856ce81f2b7382dee72602f798b642f14140";
    static final String EICAR_SHA256 = "275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f";
    static final Path UPLOADS = createTempDirectory();

    @DynamicPropertySource
    static void uploadDirectory(DynamicPropertyRegistry registry) {
        registry.add("argus.upload.temp-dir", UPLOADS::toString);
    }

    @LocalServerPort
    int port;
    @Autowired
    RabbitTemplate rabbit;
    @Autowired
    AmqpAdmin amqpAdmin;
    @Autowired
    FileStore fileStore;
    @Autowired
    FtpProperties ftp;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ScanService scans;
    @Autowired
    ProbeDirectory probeDirectory;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    MessagePublisher publisher;

    ArgusTestClient http;

    @BeforeEach
    void actAsBrain() {
        http = ArgusTestClient.onPort(port, TestKeys.ADMIN_KEY);
        amqpAdmin.purgeQueue(Topology.SCANS_QUEUE, false);
        publishDirectory(probe("clamav", true), probe("yara", true), probe("dormant", false));
    }

    @Test
    void uploadsEicarStoresItOnFtpAndQueuesTheScan() {
        HttpResponse<String> response = http.upload(new Multipart()
                .file("eicar.com", EICAR.getBytes(StandardCharsets.US_ASCII))
                .field("tags", "eicar, sample")
                .field("metadata", "{\"ticket\":42,\"by\":{\"name\":\"ana\"}}"));

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode scan = json(response);
        String id = scan.get("id").asString();
        assertThat(response.headers().firstValue("Location")).contains("/api/v1/scans/" + id);
        assertThat(scan.get("status").asString()).isEqualTo("queued");
        assertThat(scan.get("probes").toString()).isEqualTo("[\"clamav\",\"yara\"]");
        assertThat(scan.get("progress").toString()).isEqualTo("{\"total\":2,\"done\":0}");
        assertThat(scan.get("tags").toString()).isEqualTo("[\"eicar\",\"sample\"]");
        assertThat(scan.get("metadata").get("ticket").asInt()).isEqualTo(42);
        assertThat(scan.get("metadata").get("by").get("name").asString()).isEqualTo("ana");
        assertThat(scan.get("finishedAt").isNull()).isTrue();
        JsonNode file = scan.get("files").get(0);
        assertThat(file.get("sha256").asString()).isEqualTo(EICAR_SHA256);
        assertThat(file.get("md5").asString()).isEqualTo(EICAR_MD5);
        assertThat(file.get("sha1").asString()).isEqualTo(EICAR_SHA1);
        assertThat(file.get("size").asLong()).isEqualTo(68);
        assertThat(file.get("name").asString()).isEqualTo("eicar.com");
        assertThat(file.get("mimeType").asString()).isEqualTo("text/plain");
        assertThat(file.get("status").asString()).isEqualTo("pending");
        assertThat(file.get("stats").size()).isEqualTo(7);

        ScanRequested requested = receiveScanRequested();
        assertThat(requested.scanId()).isEqualTo(UUID.fromString(id));
        assertThat(requested.files()).containsExactly(new ScanFile(EICAR_SHA256, 68, "text/plain"));
        assertThat(requested.probes()).containsExactly("clamav", "yara");
        assertThat(requested.force()).isFalse();

        assertThat(ftpHas(EICAR_SHA256.substring(0, 2) + "/" + EICAR_SHA256.substring(2, 4) + "/" + EICAR_SHA256))
                .isTrue();
        HttpResponse<String> stored = http.get("/api/v1/scans/" + id);
        assertThat(stored.statusCode()).isEqualTo(200);
        assertThat(json(stored)).as("the 202 body is built without reading the scan back; it must equal it")
                .isEqualTo(scan);
        assertNoTempFilesLeft();
    }

    @Test
    void finishesTheScanWhenEveryResultIsInAndIgnoresARepeatedResult() {
        byte[] content = uniqueContent();
        String sha256 = sha256(content);
        UUID id = uploadAndReceive(new Multipart().file("sample.bin", content).field("probes", "clamav,yara"));

        report(id, sha256, "clamav", Category.MALICIOUS, "Eicar-Test-Signature");
        await().untilAsserted(() -> assertThat(scan(id).get("progress").get("done").asInt()).isEqualTo(1));
        assertThat(scan(id).get("status").asString()).isEqualTo("running");
        report(id, sha256, "clamav", Category.UNDETECTED, null);
        ResultMessages.publishFromProbe(publisher, "yara", ResultMessages.willRetry(id, sha256, "yara"));
        report(id, sha256, "yara", Category.UNDETECTED, null);

        await().untilAsserted(() -> assertThat(scan(id).get("status").asString()).isEqualTo("finished"));
        JsonNode scan = scan(id);
        assertThat(scan.get("progress").toString()).isEqualTo("{\"total\":2,\"done\":2}");
        assertThat(scan.get("finishedAt").isNull()).isFalse();
        JsonNode file = scan.get("files").get(0);
        assertThat(file.get("status").asString()).isEqualTo("done");
        assertThat(file.get("stats").toString()).isEqualTo("{\"malicious\":1,\"suspicious\":0,\"undetected\":1,"
                + "\"harmless\":0,\"timeout\":0,\"failure\":0,\"type-unsupported\":0}");
        JsonNode clamav = file.get("results").get("clamav");
        assertThat(clamav.get("category").asString()).isEqualTo("malicious");
        assertThat(clamav.get("result").asString()).isEqualTo("Eicar-Test-Signature");
        assertThat(clamav.get("engineVersion").asString()).isEqualTo("1.4.6");
        assertThat(clamav.get("signatureVersion").asString()).isEqualTo("27800");
        assertThat(clamav.get("durationMs").asLong()).isEqualTo(3);
        assertThat(clamav.get("error").isNull()).isTrue();
        assertThat(clamav.get("cached").asBoolean()).isFalse();
        assertThat(clamav.get("details").get("engine").asString()).isEqualTo("clamd");
        assertThat(file.get("results").get("yara").get("result").isNull()).isTrue();

        JsonNode report = json(http.get("/api/v1/files/" + sha256));
        assertThat(report.get("results").get("clamav").get("category").asString()).isEqualTo("malicious");
        assertThat(report.get("stats").get("malicious").asInt()).isEqualTo(1);
        assertThat(report.get("scans").get(0).get("status").asString()).isEqualTo("finished");
    }

    @Test
    void keepsAResultThatArrivesBeforeTheScanIsCommitted() throws Exception {
        byte[] content = uniqueContent();
        String sha256 = sha256(content);
        NewFile file = new NewFile(sha256, hex("MD5", content), hex("SHA-1", content), content.length, "text/plain",
                "early.txt");
        UUID id = new TransactionTemplate(transactions).execute(status -> {
            UUID created = scans.create(List.of(file), List.of("clamav"),
                    new ScanOptions(List.of("clamav"), false, List.of(), Map.of()), "admin");
            // The whole pipeline answers while the scan's transaction is still open, as on a fast machine: the
            // result cannot see the scan yet, so its listener must wait for this commit on the scan's lock.
            report(created, sha256, "clamav", Category.UNDETECTED, null);
            await().until(() -> waitingForScanLock(created));
            return created;
        });

        await().untilAsserted(() -> assertThat(scan(id).get("status").asString()).isEqualTo("finished"));
        assertThat(scan(id).get("files").get(0).get("results").get("clamav").get("category").asString())
                .isEqualTo("undetected");
        assertThat(waitingForScanLock(id)).isFalse();
    }

    /**
     * Whether a session (a result listener) waits for the scan's advisory lock ({@code ScanLocks}: the two halves of
     * the id XORed, a bigint key whose high and low 32 bits PostgreSQL shows as classid and objid).
     */
    boolean waitingForScanLock(UUID scanId) {
        long key = scanId.getMostSignificantBits() ^ scanId.getLeastSignificantBits();
        return jdbc.sql("""
                        select count(*) from pg_locks l join pg_stat_activity a on a.pid = l.pid
                        where l.locktype = 'advisory' and not l.granted and l.objsubid = 1
                          and l.classid::bigint = :high and l.objid::bigint = :low
                          and a.wait_event_type = 'Lock' and a.wait_event = 'advisory'""")
                .param("high", key >>> 32)
                .param("low", key & 0xFFFF_FFFFL)
                .query(Long.class).single() > 0;
    }

    @Test
    void answersAKnownFileFromStoredResultsWithoutTheBrainUntilTheSignaturesChange() {
        // report() sends results of clamav 1.4.6 with signatures 27800: the directory says the same
        publishDirectory(probe("clamav", true, "27800"), probe("yara", true), probe("dormant", false));
        byte[] content = uniqueContent();
        String sha256 = sha256(content);
        UUID first = uploadAndReceive(new Multipart().file("known.bin", content).field("probes", "clamav"));
        report(first, sha256, "clamav", Category.MALICIOUS, "Known-Threat");
        await().untilAsserted(() -> assertThat(scan(first).get("status").asString()).isEqualTo("finished"));
        String rescan = "{\"sha256\":[\"" + sha256 + "\"],\"probes\":[\"clamav\"]}";

        JsonNode answered = json(http.postJson("/api/v1/scans", rescan));
        assertThat(rabbit.receive(Topology.SCANS_QUEUE)).as("no ScanRequested for an answered scan").isNull();
        assertThat(answered.get("status").asString()).isEqualTo("finished");
        assertThat(answered).as("the 202 body is the scan as stored")
                .isEqualTo(scan(UUID.fromString(answered.get("id").asString())));
        assertThat(answered.get("progress").toString()).isEqualTo("{\"total\":1,\"done\":1}");
        assertThat(answered.get("finishedAt").isNull()).isFalse();
        JsonNode file = answered.get("files").get(0);
        assertThat(file.get("status").asString()).isEqualTo("done");
        assertThat(file.get("verdict").get("label").asString()).isEqualTo("malicious");
        JsonNode result = file.get("results").get("clamav");
        assertThat(result.get("category").asString()).isEqualTo("malicious");
        assertThat(result.get("result").asString()).isEqualTo("Known-Threat");
        assertThat(result.get("signatureVersion").asString()).isEqualTo("27800");
        assertThat(result.get("cached").asBoolean()).isTrue();
        JsonNode uploadedAgain = json(http.upload(new Multipart().file("again.bin", content)
                .field("probes", "clamav")));
        assertThat(uploadedAgain.get("status").asString()).isEqualTo("finished");
        assertThat(rabbit.receive(Topology.SCANS_QUEUE)).isNull();

        JsonNode forced = json(http.postJson("/api/v1/scans", rescan.replace("}", ",\"force\":true}")));
        assertThat(forced.get("status").asString()).isEqualTo("queued");
        assertThat(receiveScanRequested().scanId().toString()).isEqualTo(forced.get("id").asString());

        JsonNode partly = json(http.postJson("/api/v1/scans",
                rescan.replace("[\"clamav\"]", "[\"clamav\",\"yara\"]")));
        assertThat(partly.get("status").asString()).as("a partial hit goes to the brain").isEqualTo("queued");
        assertThat(receiveScanRequested().scanId().toString()).isEqualTo(partly.get("id").asString());

        publishDirectory(probe("clamav", true, "27801"), probe("yara", true), probe("dormant", false));
        JsonNode newSignatures = json(http.postJson("/api/v1/scans", rescan));
        assertThat(newSignatures.get("status").asString()).isEqualTo("queued");
        assertThat(receiveScanRequested().scanId().toString()).isEqualTo(newSignatures.get("id").asString());
    }

    @Test
    void streamsTheScanThenResultAndStatusEventsOverSse() {
        byte[] content = uniqueContent();
        String sha256 = sha256(content);
        UUID id = uploadAndReceive(new Multipart().file("live.bin", content).field("probes", "clamav"));
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpRequest request = http.authorized(HttpRequest.newBuilder(http.uri("/api/v1/scans/" + id + "/events"))
                .header("Accept", "text/event-stream")).build();
        CompletableFuture<Integer> stream = http.client().sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenApplyAsync(response -> {
                    response.body().forEach(lines::add);
                    return response.statusCode();
                });

        await().until(() -> lines.contains("event:scan"));
        report(id, sha256, "clamav", Category.MALICIOUS, "Eicar-Test-Signature");

        await().until(stream::isDone);
        assertThat(stream.join()).isEqualTo(200);
        List<String> events = lines.stream().filter(line -> line.startsWith("event:")).toList();
        assertThat(events).containsExactly("event:scan", "event:result", "event:status");
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .startsWith("data:").contains("\"probe\":\"clamav\"").contains("\"category\":\"malicious\""));
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .startsWith("data:").contains("\"status\":\"finished\"").contains("\"done\":1"));
    }

    @Test
    void rejectsFileOverTheSizeLimitWith413AndStoresNothing() {
        byte[] big = new byte[4096];
        new Random().nextBytes(big);
        String sha256 = sha256(big);
        long scansBefore = countScans();

        HttpResponse<String> response = http.upload(new Multipart()
                .file("small.txt", "fine".getBytes(StandardCharsets.UTF_8))
                .file("big.bin", big));

        assertProblem(response, 413, "file-too-large");
        assertThat(json(response).get("detail").asString()).contains("big.bin").contains("1KB");
        assertThat(jdbc.sql("select count(*) from file where sha256 = ?").param(sha256).query(Long.class).single())
                .isZero();
        assertThat(countScans()).isEqualTo(scansBefore);
        assertThat(fileStore.exists(sha256)).isFalse();
        assertThat(rabbit.receive(Topology.SCANS_QUEUE)).isNull();
        assertNoTempFilesLeft();
    }

    @Test
    void acceptsAnEmptyFile() {
        HttpResponse<String> response = http.upload(new Multipart().file("empty.txt", new byte[0]));

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode file = json(response).get("files").get(0);
        assertThat(file.get("size").asLong()).isZero();
        assertThat(file.get("sha256").asString())
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(receiveScanRequested().files().getFirst().size()).isZero();
        assertNoTempFilesLeft();
    }

    @Test
    void rejectsAnUnknownProbeWith400NamingIt() {
        HttpResponse<String> response = http.upload(new Multipart()
                .file("eicar.com", EICAR.getBytes(StandardCharsets.US_ASCII)).field("probes", "clamav,nosuch"));

        assertProblem(response, 400, "unknown-probe");
        assertThat(json(response).get("detail").asString()).contains("'nosuch'");
        assertThat(rabbit.receive(Topology.SCANS_QUEUE)).isNull();
        assertNoTempFilesLeft();
    }

    @Test
    void rejectsMalformedUploadsWith400NamingTheProblem() {
        HttpResponse<String> noFile = http.upload(new Multipart().field("probes", "clamav"));
        assertProblem(noFile, 400, "missing-file");

        HttpResponse<String> badMetadata = http.upload(new Multipart()
                .file("a.txt", uniqueContent()).field("metadata", "[1,2]"));
        assertProblem(badMetadata, 400, "invalid-field");
        assertThat(json(badMetadata).get("detail").asString()).contains("'metadata'");

        HttpResponse<String> badForce = http.upload(new Multipart()
                .file("a.txt", uniqueContent()).field("force", "maybe"));
        assertThat(json(badForce).get("detail").asString()).contains("'force'");
        assertNoTempFilesLeft();
    }

    @Test
    void answers503WithRetryAfterWhenNoProbeIsOnline() {
        publishDirectory(probe("dormant", false));
        byte[] content = uniqueContent();

        HttpResponse<String> response = http.upload(new Multipart().file("a.bin", content));

        assertProblem(response, 503, "no-probes-online");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(fileStore.exists(sha256(content))).isFalse();
    }

    @Test
    void rejectsABogusHashWith400() {
        assertProblem(http.get("/api/v1/files/not-a-hash"), 400, "invalid-hash");
        assertProblem(http.get("/api/v1/files/" + EICAR_MD5.substring(0, 31)), 400, "invalid-hash");
    }

    @Test
    void answers404ForAnUnknownScanAnd400ForAMalformedId() {
        assertProblem(http.get("/api/v1/scans/" + UUID.randomUUID()), 404, "scan-not-found");
        assertProblem(http.post("/api/v1/scans/" + UUID.randomUUID() + "/cancel"), 404, "scan-not-found");
        assertProblem(http.get("/api/v1/scans/" + UUID.randomUUID() + "/events"), 404, "scan-not-found");
        assertProblem(http.get("/api/v1/scans/not-a-uuid"), 400, "invalid-parameter");
        assertProblem(http.get("/api/v1/files/" + "0".repeat(64)), 404, "file-not-found");
    }

    @Test
    void cancelsAScanPublishesCancelScanDropsLaterResultsAndRefusesASecondCancel() {
        byte[] content = uniqueContent();
        UUID id = uploadAndReceive(new Multipart().file("c.bin", content));

        HttpResponse<String> cancelled = http.post("/api/v1/scans/" + id + "/cancel");

        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(json(cancelled).get("status").asString()).isEqualTo("cancelled");
        assertThat(json(cancelled).get("finishedAt").isNull()).isFalse();
        assertThat(rabbit.receiveAndConvert(Topology.SCANS_QUEUE, 5000))
                .isInstanceOfSatisfying(CancelScan.class, cancel -> assertThat(cancel.scanId()).isEqualTo(id));
        assertProblem(http.post("/api/v1/scans/" + id + "/cancel"), 409, "scan-not-active");

        byte[] laterContent = uniqueContent();
        UUID later = uploadAndReceive(new Multipart().file("d.bin", laterContent));
        // one message, stored in one transaction: once the later scan runs, the late result was handled too
        ResultMessages.publishFromProbe(publisher, "clamav",
                ResultMessages.answer(id, sha256(content), "clamav", Category.MALICIOUS, "late"),
                ResultMessages.answer(later, sha256(laterContent), "clamav", Category.UNDETECTED, null));
        await().untilAsserted(() -> assertThat(scan(later).get("status").asString()).isEqualTo("running"));
        JsonNode scan = scan(id);
        assertThat(scan.get("status").asString()).isEqualTo("cancelled");
        assertThat(scan.get("progress").get("done").asInt()).isZero();
        assertThat(scan.get("files").get(0).get("results").isEmpty()).isTrue();
    }

    @Test
    void rescansAStoredFileByJsonAndAnswers404NamingUnknownHashes() {
        byte[] content = uniqueContent();
        String sha256 = sha256(content);
        uploadAndReceive(new Multipart().file("first-name.bin", content));
        String unknown = "ab".repeat(32);

        HttpResponse<String> missing = http.postJson("/api/v1/scans",
                "{\"sha256\":[\"" + sha256 + "\",\"" + unknown + "\"]}");
        assertProblem(missing, 404, "file-not-found");
        assertThat(json(missing).get("detail").asString()).contains(unknown).doesNotContain(sha256);
        assertProblem(http.postJson("/api/v1/scans", "{\"sha256\":[\"xyz\"]}"), 400, "invalid-hash");
        assertProblem(http.postJson("/api/v1/scans", "{\"sha256\":"), 400, "malformed-json");

        HttpResponse<String> rescan = http.postJson("/api/v1/scans", "{\"sha256\":[\"" + sha256.toUpperCase()
                + "\"],\"probes\":[\"yara\"],\"force\":true,\"tags\":[\"again\"],\"metadata\":{\"n\":1}}");
        assertThat(rescan.statusCode()).isEqualTo(202);
        JsonNode scan = json(rescan);
        assertThat(rescan.headers().firstValue("Location")).contains("/api/v1/scans/" + scan.get("id").asString());
        assertThat(scan.get("files").get(0).get("name").asString()).isEqualTo("first-name.bin");
        ScanRequested requested = receiveScanRequested();
        assertThat(requested.probes()).containsExactly("yara");
        assertThat(requested.force()).isTrue();
        assertThat(requested.files().getFirst().sha256()).isEqualTo(sha256);
    }

    @Test
    void findsAFileByMd5AndSearchesByNameHashPrefixAndTag() {
        byte[] content = uniqueContent();
        String sha256 = sha256(content);
        String name = "report-" + UUID.randomUUID() + ".pdf";
        String tag = "case-" + UUID.randomUUID();
        JsonNode uploaded = json(http.upload(new Multipart().file(name, content).field("tags", tag)));
        String md5 = uploaded.get("files").get(0).get("md5").asString();

        JsonNode report = json(http.get("/api/v1/files/" + md5.toUpperCase()));
        assertThat(report.get("sha256").asString()).isEqualTo(sha256);
        assertThat(report.get("names").toString()).isEqualTo("[\"" + name + "\"]");
        assertThat(report.get("tags").toString()).isEqualTo("[\"" + tag + "\"]");
        assertThat(report.get("firstSeen").isNull()).isFalse();
        assertThat(report.get("scans").get(0).get("id").asString()).isEqualTo(uploaded.get("id").asString());
        assertThat(report.get("stats").size()).isEqualTo(7);

        assertThat(search(name.substring(3, 20).toUpperCase())).containsExactly(sha256);
        assertThat(search("tag:" + tag)).containsExactly(sha256);
        assertThat(search(sha256.substring(0, 12))).contains(sha256);
        assertThat(search(md5)).contains(sha256);
        assertProblem(http.get("/api/v1/files?query=x&size=0"), 400, "invalid-parameter");
    }

    @Test
    void listsScansByStatusAndRejectsBadParameters() {
        uploadAndReceive(new Multipart().file("l.bin", uniqueContent()));

        JsonNode page = json(http.get("/api/v1/scans?status=queued&page=0&size=5"));
        assertThat(page.get("page").asInt()).isZero();
        assertThat(page.get("size").asInt()).isEqualTo(5);
        assertThat(page.get("total").asLong()).isPositive();
        assertThat(page.get("items").size()).isBetween(1, 5);
        page.get("items").forEach(scan -> assertThat(scan.get("status").asString()).isEqualTo("queued"));

        assertThat(json(http.get("/api/v1/scans?status=bogus")).get("detail").asString()).contains("'status'");
        assertProblem(http.get("/api/v1/scans?page=-1"), 400, "invalid-parameter");
        assertProblem(http.get("/api/v1/scans?size=abc"), 400, "invalid-parameter");
    }

    @Test
    void knowsWhichProbesOnlyDescribeFilesForTheThresholdVerdict() {
        ProbeStatus metadata = new ProbeStatus(new ProbeDescriptor("metadata", "Metadata", ProbeCategory.METADATA,
                "1", "1.0", null, null, 60_000), true, 1, Instant.now());
        publishDirectory(probe("clamav", true), metadata);

        assertThat(probeDirectory.describesOnly("metadata")).isTrue();
        assertThat(probeDirectory.describesOnly("clamav")).isFalse();
        assertThat(probeDirectory.describesOnly("unknown")).isFalse();
    }

    @Test
    void listsTheProbeDirectory() {
        JsonNode probes = json(http.get("/api/v1/probes"));

        assertThat(probes.size()).isEqualTo(3);
        JsonNode clamav = probes.get(0);
        assertThat(clamav.get("name").asString()).isEqualTo("clamav");
        assertThat(clamav.get("displayName").asString()).isEqualTo("CLAMAV");
        assertThat(clamav.get("category").asString()).isEqualTo("antivirus");
        assertThat(clamav.get("engineVersion").asString()).isEqualTo("1.4.6");
        assertThat(clamav.get("online").asBoolean()).isTrue();
        assertThat(clamav.get("instances").asInt()).isEqualTo(1);
        assertThat(probes.get(1).get("name").asString()).isEqualTo("dormant");
        assertThat(probes.get(1).get("online").asBoolean()).isFalse();
    }

    @Test
    void answersProblemJsonForUnknownRoutesWrongMethodsAndWrongContentTypes() {
        assertProblem(http.get("/api/v1/nothing-here"), 404, "not-found");
        assertProblem(http.send("DELETE", "/api/v1/scans", "application/json", "{}"), 405, "method-not-allowed");
        assertProblem(http.send("POST", "/api/v1/scans", "text/plain", "hello"), 415, "unsupported-media-type");
        // rejected by Tomcat itself, before Spring MVC: still a problem document, not Tomcat's HTML page
        assertProblem(http.get("/api/v1/files/a%2Fb"), 400, "bad-request");
    }

    @Test
    void servesTheWebUiAtTheRootWhileUnknownApiRoutesStayProblems() {
        HttpResponse<String> index = http.get("/");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/html"));
        assertThat(index.body()).contains("<main id=\"main\"", "js/app.js");

        HttpResponse<String> module = http.get("/js/api.js");
        assertThat(module.statusCode()).isEqualTo(200);
        assertThat(module.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .contains("javascript"));
        assertThat(module.headers().firstValue("Cache-Control")).hasValueSatisfying(value -> assertThat(value)
                .contains("no-cache"));

        assertThat(http.get("/js/no-such-module.js").statusCode()).isEqualTo(404);
        assertProblem(http.get("/api/v1/index.html"), 404, "not-found");
        assertProblem(http.get("/api/v1/nothing-here"), 404, "not-found");
    }

    @Test
    void servesTheOpenApiDocument() {
        HttpResponse<String> response = http.get("/v3/api-docs");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("paths").has("/api/v1/scans")).isTrue();
        assertThat(json(response).get("paths").has("/api/v1/files/{hash}")).isTrue();
        assertThat(json(response).get("components").get("securitySchemes").get("apiKey").get("scheme").asString())
                .isEqualTo("bearer");
        assertThat(json(response).get("security").toString()).contains("apiKey");
    }

    // --- verdicts: labels, models, statistics ---

    @Test
    void labelsAFileKeepsTheHistoryAndRejectsBadLabels() {
        byte[] content = uniqueContent();
        String sha256 = sha256(content);
        uploadAndReceive(new Multipart().file("labelled.bin", content));

        HttpResponse<String> first = putLabel(sha256, "{\"label\":\"malicious\",\"source\":\"sandbox run 17\"}");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(json(first).get("label").asString()).isEqualTo("malicious");
        assertThat(json(first).get("source").asString()).isEqualTo("sandbox run 17");
        assertThat(putLabel(sha256.toUpperCase(), "{\"label\":\"BENIGN\"}").statusCode()).isEqualTo(200);

        JsonNode history = json(http.get("/api/v1/files/" + sha256 + "/labels"));
        assertThat(history.size()).isEqualTo(2);
        assertThat(history.get(0).get("label").asString()).isEqualTo("benign");
        assertThat(history.get(0).get("current").asBoolean()).isTrue();
        assertThat(history.get(0).get("labelledBy").asString()).as("the caller who labelled it").isEqualTo("admin");
        assertThat(history.get(1).get("label").asString()).isEqualTo("malicious");
        assertThat(history.get(1).get("current").asBoolean()).isFalse();

        assertProblem(putLabel(sha256, "{\"label\":\"evil\"}"), 400, "invalid-field");
        assertThat(json(putLabel(sha256, "{\"label\":\"evil\"}")).get("detail").asString()).contains("'label'");
        assertProblem(putLabel("abc", "{\"label\":\"benign\"}"), 400, "invalid-hash");
        assertProblem(putLabel("0".repeat(64), "{\"label\":\"benign\"}"), 404, "file-not-found");
        assertProblem(putLabel(sha256, "{\"label\":"), 400, "malformed-json");
    }

    @Test
    void importsLabelsFromCsvAndReportsEveryRejectedLine() {
        byte[] one = uniqueContent();
        byte[] two = uniqueContent();
        uploadAndReceive(new Multipart().file("one.bin", one).file("two.bin", two));
        String csv = "sha256,label,source\n"
                + sha256(one) + ",malicious,feed\n"
                + sha256(two).toUpperCase() + ",benign,\"ticket 4, closed\"\n"
                + "ab".repeat(32) + ",malicious,feed\n"
                + "xyz,malicious,feed\n"
                + sha256(one) + ",unsure,feed\n";

        HttpResponse<String> response = http.send("POST", "/api/v1/labels", "text/csv", csv);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode report = json(response);
        assertThat(report.get("imported").asInt()).isEqualTo(2);
        assertThat(report.get("rejectedCount").asInt()).isEqualTo(3);
        assertThat(report.get("rejected").valueStream().map(r -> r.get("line").asInt()).toList())
                .containsExactly(4, 5, 6);
        assertThat(report.get("rejected").get(0).get("reason").asString()).contains("unknown file");
        assertThat(report.get("rejected").get(2).get("reason").asString()).contains("'malicious' or 'benign'");
        JsonNode label = json(http.get("/api/v1/files/" + sha256(two) + "/labels")).get(0);
        assertThat(label.get("label").asString()).isEqualTo("benign");
        assertThat(label.get("source").asString()).isEqualTo("ticket 4, closed");

        assertProblem(http.send("POST", "/api/v1/labels", "text/plain", csv), 415, "unsupported-media-type");
    }

    @Test
    void rejectsALabelImportOverTheSizeLimitWith413AndImportsNothing() {
        byte[] content = uniqueContent();
        uploadAndReceive(new Multipart().file("big-import.bin", content));
        String line = sha256(content) + ",malicious,feed\n";

        HttpResponse<String> response = http.send("POST", "/api/v1/labels", "text/csv",
                line.repeat(65 * 1024 / line.length() + 1));

        assertProblem(response, 413, "labels-too-large");
        assertThat(json(response).get("detail").asString()).contains("64KB");
        assertThat(json(http.get("/api/v1/files/" + sha256(content) + "/labels")).isEmpty()).isTrue();
    }

    @Test
    void trainsAModelOnLabelledFilesAndJudgesFinishedFilesWithIt() {
        List<byte[]> files = uniqueContents(12);
        UUID id = uploadAndReceive(form(files, "train.bin", "clamav,yara"));
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < files.size(); i++) {
            boolean malicious = i % 2 == 0;
            String sha256 = sha256(files.get(i));
            report(id, sha256, "clamav", malicious ? Category.MALICIOUS : Category.UNDETECTED, null);
            report(id, sha256, "yara", i % 3 == 0 ? Category.MALICIOUS : Category.UNDETECTED, null);
            csv.append(sha256).append(malicious ? ",malicious,test\n" : ",benign,test\n");
        }
        await().untilAsserted(() -> assertThat(scan(id).get("status").asString()).isEqualTo("finished"));
        assertThat(http.send("POST", "/api/v1/labels", "text/csv", csv.toString()).statusCode()).isEqualTo(200);

        HttpResponse<String> trained = http.post("/api/v1/models");

        assertThat(trained.statusCode()).as(trained.body()).isEqualTo(201);
        JsonNode model = json(trained);
        long modelId = model.get("id").asLong();
        assertThat(trained.headers().firstValue("Location")).contains("/api/v1/models/" + modelId);
        assertThat(model.get("samples").asInt()).isGreaterThanOrEqualTo(12);
        assertThat(model.get("tree").get("probe").asString()).isEqualTo("clamav");
        assertThat(model.get("engineRanking").get(0).get("probe").asString()).isEqualTo("clamav");
        assertThat(model.get("engineRanking").get(0).get("depth").asInt()).isZero();
        JsonNode evaluation = model.get("evaluation");
        assertThat(evaluation.get("folds").asInt()).isBetween(2, 10);
        assertThat(evaluation.get("model").get("f1").asDouble()).isEqualTo(1.0);
        assertThat(evaluation.get("baselines").has("anyEngine")).isTrue();
        assertThat(evaluation.get("baselines").get("majority").has("precision")).isTrue();
        assertThat(evaluation.get("baselines").get("threshold").has("recall")).isTrue();
        assertThat(evaluation.get("secondOpinion").get("name").asString()).isEqualTo("smileCart");
        assertThat(json(http.get("/api/v1/models/" + modelId)).get("id").asLong()).isEqualTo(modelId);
        assertThat(json(http.get("/api/v1/models/current")).get("id").asLong()).isGreaterThanOrEqualTo(modelId);
        assertProblem(http.get("/api/v1/models/" + Long.MAX_VALUE), 404, "model-not-found");

        JsonNode malicious = scan(id).get("files").get(0);
        JsonNode verdict = malicious.get("verdict");
        assertThat(verdict.get("label").asString()).isEqualTo("malicious");
        assertThat(verdict.get("method").asString()).startsWith("model:");
        assertThat(verdict.get("confidence").asDouble()).isGreaterThan(0.7);
        assertThat(verdict.get("explanation").get(0).asString()).isEqualTo("clamav=malicious");
        assertThat(scan(id).get("files").get(1).get("verdict").get("label").asString()).isEqualTo("clean");
        JsonNode report = json(http.get("/api/v1/files/" + sha256(files.get(0))));
        assertThat(report.get("verdict").get("label").asString()).isEqualTo("malicious");

        UUID pending = uploadAndReceive(new Multipart().file("pending.bin", uniqueContent()));
        assertThat(scan(pending).get("files").get(0).get("verdict").isNull()).isTrue();
    }

    @Test
    void retrainsInTheBackgroundAfterEnoughNewLabelsAsACandidateOnlyAnAdminAdopts() {
        List<byte[]> files = uniqueContents(30);
        UUID id = uploadAndReceive(form(files, "auto.bin", "clamav"));
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < files.size(); i++) {
            String sha256 = sha256(files.get(i));
            report(id, sha256, "clamav", i % 2 == 0 ? Category.MALICIOUS : Category.UNDETECTED, null);
            csv.append(sha256).append(i % 2 == 0 ? ",malicious\n" : ",benign\n");
        }
        await().untilAsserted(() -> assertThat(scan(id).get("status").asString()).isEqualTo("finished"));
        long before = jdbc.sql("select coalesce(max(id), 0) from verdict_model").query(Long.class).single();

        HttpResponse<String> imported = http.send("POST", "/api/v1/labels", "text/csv", csv.toString());

        assertThat(imported.statusCode()).isEqualTo(200);
        await().untilAsserted(() -> assertThat(jdbc.sql("select coalesce(max(id), 0) from verdict_model")
                .query(Long.class).single()).isGreaterThan(before));
        long currentBefore = json(http.get("/api/v1/models/current")).path("id").asLong();
        long candidate = await().until(() -> json(http.get("/api/v1/models/candidate")).path("id").asLong(),
                trained -> trained > before);
        assertThat(json(http.get("/api/v1/models/candidate")).get("adoptedBy").isNull()).isTrue();
        assertThat(json(http.get("/api/v1/models/current")).path("id").asLong())
                .as("a model trained in the background waits for an admin").isEqualTo(currentBefore);
        assertProblem(http.newUser("ANALYST").post("/api/v1/models/" + candidate + "/adopt"), 403, "forbidden");

        HttpResponse<String> adopted = http.post("/api/v1/models/" + candidate + "/adopt");

        assertThat(adopted.statusCode()).as(adopted.body()).isEqualTo(200);
        assertThat(json(adopted).get("adoptedBy").asString()).isNotBlank();
        assertThat(json(http.get("/api/v1/models/current")).get("id").asLong()).isEqualTo(candidate);
        assertProblem(http.get("/api/v1/models/candidate"), 404, "model-not-found");
        assertThat(json(http.get("/api/v1/admin/audit?action=model-adopted")).get("items").get(0).get("target")
                .asString()).isEqualTo("model " + candidate);
        assertProblem(http.post("/api/v1/models/" + Long.MAX_VALUE + "/adopt"), 404, "model-not-found");
    }

    @Test
    void reportsStatisticsPerEnginePerDayAndPerVerdict() {
        byte[] content = uniqueContent();
        UUID id = uploadAndReceive(new Multipart().file("stats.bin", content).field("probes", "clamav,yara"));
        report(id, sha256(content), "clamav", Category.MALICIOUS, "Eicar-Test-Signature");
        report(id, sha256(content), "yara", Category.MALICIOUS, "eicar");
        await().untilAsserted(() -> assertThat(scan(id).get("status").asString()).isEqualTo("finished"));

        JsonNode stats = json(http.get("/api/v1/stats?days=7"));

        assertThat(stats.get("files").asLong()).isPositive();
        assertThat(stats.get("scans").asLong()).isPositive();
        JsonNode clamav = stats.get("engines").valueStream()
                .filter(e -> e.get("probe").asString().equals("clamav")).findFirst().orElseThrow();
        assertThat(clamav.get("malicious").asLong()).isPositive();
        assertThat(clamav.get("detectionRate").asDouble()).isBetween(0.0, 1.0);
        assertThat(stats.get("agreement").valueStream().map(a -> a.get("probes").toString()))
                .contains("[\"clamav\",\"yara\"]");
        assertThat(stats.get("perDay").size()).isEqualTo(7);
        assertThat(stats.get("perDay").get(6).get("files").asLong()).isPositive();
        assertThat(stats.get("perDay").get(6).get("scans").asLong()).isPositive();
        assertThat(stats.get("verdicts").get("counts").propertyNames())
                .containsExactly("malicious", "suspicious", "clean", "unknown");
        assertThat(stats.get("verdicts").get("sampled").asInt()).isPositive();
        assertProblem(http.get("/api/v1/stats?days=0"), 400, "invalid-parameter");
    }

    static List<byte[]> uniqueContents(int count) {
        return Stream.generate(AbstractFrontendIntegrationTests::uniqueContent).limit(count).toList();
    }

    static Multipart form(List<byte[]> files, String name, String probes) {
        Multipart form = new Multipart().field("probes", probes);
        files.forEach(content -> form.file(name, content));
        return form;
    }

    HttpResponse<String> putLabel(String sha256, String body) {
        return http.send("PUT", "/api/v1/files/" + sha256 + "/label", "application/json", body);
    }

    // --- acting as the brain and the probes ---

    void publishDirectory(ProbeStatus... probes) {
        DirectoryMessages.publish(rabbit, http, probes);
    }

    static ProbeStatus probe(String name, boolean online) {
        return probe(name, online, null);
    }

    static ProbeStatus probe(String name, boolean online, String signatureVersion) {
        return new ProbeStatus(new ProbeDescriptor(name, name.toUpperCase(), ProbeCategory.ANTIVIRUS, "1",
                "1.4.6", signatureVersion, null, 60_000), online, online ? 1 : 0, Instant.now());
    }

    /** The probe's answer for one pair, as the probe publishes it (routing key {@code probe.<name>}). */
    void report(UUID scanId, String sha256, String probe, Category category, String threat) {
        ResultMessages.publishFromProbe(publisher, probe,
                ResultMessages.answer(scanId, sha256, probe, category, threat));
    }

    ScanRequested receiveScanRequested() {
        Object message = rabbit.receiveAndConvert(Topology.SCANS_QUEUE, 5000);
        assertThat(message).isInstanceOf(ScanRequested.class);
        return (ScanRequested) message;
    }

    UUID uploadAndReceive(Multipart form) {
        HttpResponse<String> response = http.upload(form);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        UUID id = UUID.fromString(json(response).get("id").asString());
        assertThat(receiveScanRequested().scanId()).isEqualTo(id);
        return id;
    }

    JsonNode scan(UUID id) {
        return json(http.get("/api/v1/scans/" + id));
    }

    List<String> search(String query) {
        JsonNode page = json(http.get("/api/v1/files?query=" + java.net.URLEncoder.encode(query,
                StandardCharsets.UTF_8)));
        return page.get("items").valueStream().map(item -> item.get("sha256").asString()).toList();
    }

    long countScans() {
        return jdbc.sql("select count(*) from scan").query(Long.class).single();
    }

    static void assertProblem(HttpResponse<String> response, int status, String slug) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.get("type").asString()).isEqualTo("urn:argus:problem:" + slug);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    void assertNoTempFilesLeft() {
        try (Stream<Path> files = Files.list(UPLOADS)) {
            assertThat(files).isEmpty();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean ftpHas(String path) {
        return ftpHas(ftp, path);
    }

    /** Whether the FTP server holds a file at the store path, asked over a connection of its own. */
    static boolean ftpHas(FtpProperties ftp, String path) {
        assertThat(path).isEqualTo(StoreKeys.path(path.substring(path.lastIndexOf('/') + 1)));
        FTPClient client = new FTPClient();
        try {
            client.connect(ftp.host(), ftp.port());
            assertThat(client.login(ftp.username(), ftp.password())).isTrue();
            client.enterLocalPassiveMode();
            return client.getSize(path) != null;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            try {
                client.disconnect();
            } catch (IOException ignored) {
                // test helper
            }
        }
    }

    static String hex(String algorithm, byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static byte[] uniqueContent() {
        return ("argus frontend test " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("argus-frontend-test-uploads");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
