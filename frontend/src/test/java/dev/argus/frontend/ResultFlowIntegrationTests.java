package dev.argus.frontend;

import static dev.argus.frontend.ResultMessages.answer;
import static dev.argus.frontend.ResultMessages.fromBrain;
import static dev.argus.frontend.ResultMessages.publishFromBrain;
import static dev.argus.frontend.ResultMessages.publishFromProbe;
import static dev.argus.frontend.ResultMessages.willRetry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.argus.common.amqp.Topology;
import dev.argus.common.message.Category;
import dev.argus.common.message.EngineResult;
import dev.argus.common.message.EngineText;
import dev.argus.common.message.ScanProgressed;
import dev.argus.frontend.messaging.FrontendInstance;
import dev.argus.frontend.scan.ResultRecorder;
import dev.argus.frontend.scan.ScanWatchdogs;
import dev.argus.messaging.Routes;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AnonymousQueue;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Results from {@code argus.frontend.results} stored in batches, engine text cleaned, overdue scans finished by the
 * watchdog, and live events exchanged with the other frontends over {@code argus.live}.
 */
class ResultFlowIntegrationTests extends AbstractMessageFlowIntegrationTests {

    @Autowired
    ResultRecorder recorder;
    @Autowired
    FrontendInstance instance;
    @Autowired
    FrontendProperties properties;
    @Autowired
    ApplicationContext context;

    @Test
    void resultsForSeveralScansAreStoredOncePerPairWhileRepeatsAndResultsThatWillBeRetriedAreIgnored() {
        byte[] a1 = unique();
        byte[] b1 = unique();
        byte[] b2 = unique();
        byte[] c1 = unique();
        UUID a = upload(CLAMAV + "," + YARA, a1);
        UUID b = upload(CLAMAV, b1, b2);
        UUID c = upload(CLAMAV + "," + YARA, c1);
        assertThat(List.of(status(a), status(b), status(c))).containsOnly("queued");

        // one message, one transaction: a retried attempt, an answer, and a repeat of that answer
        publishFromProbe(publisher, CLAMAV,
                willRetry(a, sha256(a1), CLAMAV),
                answer(b, sha256(b1), CLAMAV, Category.MALICIOUS, "First-Answer"),
                answer(b, sha256(b1), CLAMAV, Category.UNDETECTED, null));
        await().untilAsserted(() -> assertThat(status(b)).isEqualTo("running"));
        assertThat(scan(b).get("progress").toString()).isEqualTo("{\"total\":2,\"done\":1}");
        assertThat(status(a)).as("a result the brain retries is no answer").isEqualTo("queued");
        assertThat(storedResults(a)).isZero();
        assertThat(storedResults(b)).isEqualTo(1);

        // what the probes and the brain publish next, at once: consumed in batches by competing consumers
        publishFromProbe(publisher, CLAMAV,
                answer(a, sha256(a1), CLAMAV, Category.UNDETECTED, null),
                answer(b, sha256(b2), CLAMAV, Category.UNDETECTED, null),
                answer(b, sha256(b1), CLAMAV, Category.UNDETECTED, null));
        publishFromProbe(publisher, YARA,
                answer(a, sha256(a1), YARA, Category.MALICIOUS, "Yara-Rule"),
                answer(c, sha256(c1), YARA, Category.UNDETECTED, null));
        publishFromBrain(publisher,
                fromBrain(c, sha256(c1), CLAMAV, Category.TYPE_UNSUPPORTED, null),
                fromBrain(c, sha256(a1), CLAMAV, Category.TIMEOUT, "not a file of scan c"),
                fromBrain(UUID.randomUUID(), sha256(c1), CLAMAV, Category.TIMEOUT, "an unknown scan"));
        publishFromProbe(publisher, YARA, answer(c, sha256(c1), YARA, Category.MALICIOUS, "Repeat"));

        await().untilAsserted(() -> assertThat(List.of(status(a), status(b), status(c))).containsOnly("finished"));
        for (UUID id : List.of(a, b, c)) {
            JsonNode scan = scan(id);
            assertThat(scan.get("progress").toString()).isEqualTo("{\"total\":2,\"done\":2}");
            assertThat(scan.get("finishedAt").isNull()).isFalse();
            assertThat(storedResults(id)).as("one row per pair").isEqualTo(2);
        }
        assertThat(result(a, sha256(a1), CLAMAV).get("category").asString()).isEqualTo("undetected");
        assertThat(result(a, sha256(a1), YARA).get("result").asString()).isEqualTo("Yara-Rule");
        assertThat(result(b, sha256(b1), CLAMAV).get("result").asString()).as("the first answer is kept")
                .isEqualTo("First-Answer");
        assertThat(result(b, sha256(b2), CLAMAV).get("category").asString()).isEqualTo("undetected");
        assertThat(result(c, sha256(c1), CLAMAV).get("category").asString()).isEqualTo("type-unsupported");
        assertThat(result(c, sha256(c1), YARA).get("category").asString()).isIn("undetected", "malicious");
        assertThat(scan(c).get("files").get(0).get("stats").get("type-unsupported").asInt()).isEqualTo(1);
    }

    @Test
    void aBatchIsStoredInOneTransactionAndWhatChangedIsReturnedForTheOtherFrontends() {
        byte[] d1 = unique();
        byte[] d2 = unique();
        UUID d = upload(CLAMAV, d1, d2);
        EngineResult malicious = ResultMessages.engine(Category.MALICIOUS, "Batch-Threat");

        ScanProgressed first = recorder.recordAll(List.of(
                answer(d, sha256(d1), CLAMAV, malicious),
                willRetry(d, sha256(d2), CLAMAV),
                answer(d, sha256(d1), CLAMAV, Category.UNDETECTED, null)), "frontend-under-test");

        assertThat(first.origin()).isEqualTo("frontend-under-test");
        assertThat(first.results()).containsExactly(
                new ScanProgressed.StoredResult(d, sha256(d1), CLAMAV, false, malicious, 2, 1));
        assertThat(first.status()).containsExactly(new ScanProgressed.StatusChange(d, "running", 2, 1, null));
        assertThat(status(d)).isEqualTo("running");

        ScanProgressed second = recorder.recordAll(List.of(
                answer(d, sha256(d2), CLAMAV, Category.UNDETECTED, null)), "frontend-under-test");

        assertThat(second.results()).singleElement().satisfies(r -> {
            assertThat(r.sha256()).isEqualTo(sha256(d2));
            assertThat(r.total()).isEqualTo(2);
            assertThat(r.done()).isEqualTo(2);
        });
        assertThat(second.status()).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo("finished");
            assertThat(s.done()).isEqualTo(2);
            assertThat(s.finishedAt()).isNotNull();
        });
        JsonNode scan = scan(d);
        assertThat(scan.get("status").asString()).isEqualTo("finished");
        assertThat(Instant.parse(scan.get("finishedAt").asString())).isEqualTo(second.status().getFirst().finishedAt());

        ScanProgressed late = recorder.recordAll(List.of(
                answer(d, sha256(d2), CLAMAV, Category.MALICIOUS, "late")), "frontend-under-test");
        assertThat(late.results()).isEmpty();
        assertThat(late.status()).isEmpty();
        assertThat(storedResults(d)).isEqualTo(2);
    }

    @Test
    void engineTextWithNulAndControlCharactersIsStoredCleanedNotParked() {
        byte[] content = unique();
        String sha256 = sha256(content);
        UUID id = upload(CLAMAV + "," + YARA, content);
        long parkedBefore = parked(id);

        publishFromProbe(publisher, CLAMAV, answer(id, sha256, CLAMAV, new EngineResult(Category.MALICIOUS,
                "Eicar\u0000-Test\u0007-Signature\nline2", "1.4.6\u0000", "27800\r", 3, null,
                Map.of("path\u0000", "C:\\evil\u0000\u001b[31mred", "nested", Map.of("k", "v\u0000")))));
        publishFromProbe(publisher, YARA, answer(id, sha256, YARA, new EngineResult(Category.FAILURE, null,
                "4.5\u0000", null, 9, "crash\u0000 at 0x0\n" + "x".repeat(3000), Map.of())));

        await().untilAsserted(() -> assertThat(status(id)).isEqualTo("finished"));
        JsonNode clamav = result(id, sha256, CLAMAV);
        assertThat(clamav.get("result").asString()).isEqualTo("Eicar-Test-Signature line2");
        assertThat(clamav.get("engineVersion").asString()).isEqualTo("1.4.6");
        assertThat(clamav.get("signatureVersion").asString()).isEqualTo("27800 ");
        assertThat(clamav.get("details").get("path").asString()).isEqualTo("C:\\evil[31mred");
        assertThat(clamav.get("details").get("nested").get("k").asString()).isEqualTo("v");
        JsonNode yara = result(id, sha256, YARA);
        assertThat(yara.get("engineVersion").asString()).isEqualTo("4.5");
        assertThat(yara.get("error").asString()).startsWith("crash at 0x0 xxx").endsWith("…")
                .hasSize(EngineText.MAX_LENGTH);
        assertThat(jdbc.sql("""
                        select count(*) from scan_result where scan_id = ?
                          and (result ~ '[[:cntrl:]]' or engine_version ~ '[[:cntrl:]]'
                               or signature_version ~ '[[:cntrl:]]' or error ~ '[[:cntrl:]]'
                               or details::text ~ '[[:cntrl:]]|\\\\u00')""")
                .param(id).query(Long.class).single()).as("no control character stored").isZero();
        assertThat(parked(id)).as("stored at the first attempt, nothing parked").isEqualTo(parkedBefore);
    }

    @Test
    void theWatchdogFinishesAnOverdueScanWithTimeoutsForTheMissingPairsOnly() {
        byte[] w1 = unique();
        byte[] w2 = unique();
        byte[] r1 = unique();
        UUID overdue = upload(CLAMAV + "," + YARA, w1, w2);
        UUID recent = upload(CLAMAV, r1);
        publishFromProbe(publisher, CLAMAV, answer(overdue, sha256(w1), CLAMAV, Category.MALICIOUS, "Kept"));
        await().untilAsserted(() -> assertThat(status(overdue)).isEqualTo("running"));
        Duration limit = properties.scanDeadline().plus(properties.scanGrace());
        uploadedAgo(overdue, limit.plusMinutes(1));
        uploadedAgo(recent, limit.minusMinutes(1));

        ScanWatchdogs.sweep(context);

        JsonNode scan = scan(overdue);
        assertThat(scan.get("status").asString()).isEqualTo("finished");
        assertThat(scan.get("progress").toString()).isEqualTo("{\"total\":4,\"done\":4}");
        assertThat(scan.get("finishedAt").isNull()).isFalse();
        assertThat(result(overdue, sha256(w1), CLAMAV).get("result").asString()).isEqualTo("Kept");
        for (JsonNode missing : List.of(result(overdue, sha256(w1), YARA), result(overdue, sha256(w2), CLAMAV),
                result(overdue, sha256(w2), YARA))) {
            assertThat(missing.get("category").asString()).isEqualTo("timeout");
            assertThat(missing.get("error").asString()).isEqualTo("no result before the scan's deadline");
            assertThat(missing.get("cached").asBoolean()).isFalse();
        }
        assertThat(storedResults(overdue)).isEqualTo(4);
        assertThat(status(recent)).as("not past its deadline yet").isEqualTo("queued");
        assertThat(storedResults(recent)).isZero();

        // a result that comes back after all is dropped: one message, so once the recent scan runs it was handled
        publishFromProbe(publisher, CLAMAV,
                answer(overdue, sha256(w2), CLAMAV, Category.MALICIOUS, "Too-Late"),
                answer(recent, sha256(r1), CLAMAV, Category.UNDETECTED, null));
        await().untilAsserted(() -> assertThat(status(recent)).isEqualTo("finished"));
        assertThat(result(overdue, sha256(w2), CLAMAV).get("category").asString()).isEqualTo("timeout");
        assertThat(scan(overdue).get("progress").toString()).isEqualTo("{\"total\":4,\"done\":4}");
    }

    @Test
    void aScanProgressedFromAnotherFrontendReachesALiveStreamOfThisOne() {
        byte[] content = unique();
        String sha256 = sha256(content);
        UUID id = upload(CLAMAV, content);
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<Integer> stream = openStream(id, lines);
        EngineResult engine = ResultMessages.engine(Category.MALICIOUS, "Live-Threat");
        Instant finishedAt = Instant.parse("2026-01-02T03:04:05Z");

        // confirmed one after the other, so they are queued in this order; this frontend skips its own event
        publisher.publish(Routes.live(new ScanProgressed(instance.id(), List.of(new ScanProgressed.StoredResult(id,
                sha256, YARA, false, ResultMessages.engine(Category.UNDETECTED, "Own-Event"), 1, 1)), List.of())));
        publisher.publish(Routes.live(new ScanProgressed("another-frontend-0a1b2c3d",
                List.of(new ScanProgressed.StoredResult(id, sha256, CLAMAV, false, engine, 1, 1)),
                List.of(new ScanProgressed.StatusChange(id, "finished", 1, 1, finishedAt)))));

        await().until(stream::isDone);
        assertThat(stream.join()).isEqualTo(200);
        assertThat(lines.stream().filter(line -> line.startsWith("event:")))
                .containsExactly("event:scan", "event:result", "event:status");
        assertThat(lines).noneSatisfy(line -> assertThat(line).contains("Own-Event"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("data:")
                .contains("\"probe\":\"clamav\"", "\"result\":\"Live-Threat\"", "\"done\":1"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("data:")
                .contains("\"status\":\"finished\"", "\"finishedAt\":\"2026-01-02T03:04:05Z\""));
        assertThat(status(id)).as("live events only wake clients; the database stays the truth")
                .isEqualTo("queued");
    }

    @Test
    void storedResultsAreAnnouncedToTheOtherFrontendsOnTheLiveExchange() {
        Queue otherFrontend = new AnonymousQueue();
        amqpAdmin.declareQueue(otherFrontend);
        amqpAdmin.declareBinding(BindingBuilder.bind(otherFrontend).to(new FanoutExchange(Topology.LIVE_EXCHANGE)));
        try {
            byte[] content = unique();
            String sha256 = sha256(content);
            UUID id = upload(CLAMAV, content);
            EngineResult engine = ResultMessages.engine(Category.MALICIOUS, "Announced");

            publishFromProbe(publisher, CLAMAV, answer(id, sha256, CLAMAV, engine));

            List<ScanProgressed> received = new ArrayList<>();
            await().until(() -> {
                Object message = rabbit.receiveAndConvert(otherFrontend.getName(), 100);
                if (message instanceof ScanProgressed progressed && mentions(progressed, id)) {
                    received.add(progressed);
                }
                return !received.isEmpty();
            });
            ScanProgressed progressed = received.getFirst();
            assertThat(progressed.origin()).isNotBlank();
            assertThat(progressed.results()).containsExactly(
                    new ScanProgressed.StoredResult(id, sha256, CLAMAV, false, engine, 1, 1));
            assertThat(progressed.status()).singleElement().satisfies(s -> {
                assertThat(s.scanId()).isEqualTo(id);
                assertThat(s.status()).isEqualTo("finished");
                assertThat(s.total()).isEqualTo(1);
                assertThat(s.done()).isEqualTo(1);
                assertThat(s.finishedAt()).isEqualTo(Instant.parse(scan(id).get("finishedAt").asString()));
            });
        } finally {
            amqpAdmin.deleteQueue(otherFrontend.getName());
        }
    }

    private static boolean mentions(ScanProgressed progressed, UUID scanId) {
        return progressed.results().stream().anyMatch(r -> r.scanId().equals(scanId))
                || progressed.status().stream().anyMatch(s -> s.scanId().equals(scanId));
    }

    private void uploadedAgo(UUID id, Duration age) {
        jdbc.sql("update scan set created_at = ? where id = ?")
                .param(OffsetDateTime.now(ZoneOffset.UTC).minus(age)).param(id).update();
    }

    /** Parked messages that mention the scan. */
    private long parked(UUID id) {
        return jdbc.sql("select count(*) from dead_letter where position(convert_to(?, 'UTF8') in body) > 0")
                .param(id.toString()).query(Long.class).single();
    }
}
