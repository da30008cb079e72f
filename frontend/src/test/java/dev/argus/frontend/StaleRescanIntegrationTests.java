package dev.argus.frontend;

import static dev.argus.testsupport.ArgusTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.argus.common.amqp.Topology;
import dev.argus.common.message.Category;
import dev.argus.common.message.ScanFile;
import dev.argus.common.message.ScanRequested;
import dev.argus.common.message.WorkClass;
import dev.argus.frontend.stale.StaleRescan;
import dev.argus.messaging.MessagePublisher;
import dev.argus.testsupport.ArgusTestClient;
import dev.argus.testsupport.ArgusTestClient.Multipart;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The stale-result rescan (docs/operations.md#stale-result-rescan) against real PostgreSQL, RabbitMQ and FTP; the
 * test plays the brain and a probe of its own name (so files of other tests do not count). Three files seen lately
 * and one seen 30 days ago have results of signatures 27800; the probe then reports 27801. With
 * {@code max-files-per-hour=2} one run submits the two latest-seen stale files as one bulk scan owned by
 * {@code admin} (the default argus.rescan-stale.username), never the old file; the next run within the hour submits
 * nothing. The test calls the job itself (its schedule is an hour) rather than waiting for it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"argus.rescan-stale.enabled=true", "argus.rescan-stale.seen-within-days=7",
                "argus.rescan-stale.max-files-per-hour=2", "argus.rescan-stale.interval=1h"})
@ActiveProfiles("test")
class StaleRescanIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    RabbitTemplate rabbit;
    @Autowired
    AmqpAdmin amqpAdmin;
    @Autowired
    MessagePublisher publisher;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StaleRescan staleRescan;

    ArgusTestClient http;

    @BeforeEach
    void actAsBrain() {
        http = ArgusTestClient.onPort(port, TestKeys.ADMIN_KEY);
        amqpAdmin.purgeQueue(Topology.SCANS_QUEUE, false);
    }

    @Test
    void rescansStaleFilesSeenLatelyAsBulkWorkWithinTheHourlyBudget() {
        String probe = "av" + UUID.randomUUID().toString().substring(0, 8);
        DirectoryMessages.publish(rabbit, http, DirectoryMessages.probe(probe, "27800", null));
        List<String> recent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            recent.add(scanned(probe));
        }
        String old = scanned(probe);
        jdbc.sql("update file set last_seen = now() - interval '30 days' where sha256 = ?").param(old).update();
        assertThat(staleRescan.run()).as("nothing is stale yet").isZero();

        DirectoryMessages.publish(rabbit, http, DirectoryMessages.probe(probe, "27801", null));

        assertThat(staleRescan.run()).isEqualTo(2);
        ScanRequested rescan = receive();
        assertThat(rescan.workClass()).isEqualTo(WorkClass.BULK);
        assertThat(rescan.probes()).containsExactly(probe);
        assertThat(rescan.files()).extracting(ScanFile::sha256).hasSize(2)
                .containsExactlyInAnyOrderElementsOf(recent.subList(1, 3)).doesNotContain(old);
        assertThat(jdbc.sql("select owner || ' ' || work_class || ' ' || array_to_string(tags, ',') from scan "
                + "where id = ?").param(rescan.scanId()).query(String.class).single())
                .isEqualTo("admin bulk " + StaleRescan.TAG);

        assertThat(staleRescan.run()).as("the hour's budget of 2 files is spent").isZero();
        assertThat(rabbit.receive(Topology.SCANS_QUEUE, 500)).isNull();
    }

    /** Uploads a new file, answers it as the probe with signatures 27800; returns its sha256. */
    private String scanned(String probe) {
        byte[] content = AbstractFrontendIntegrationTests.uniqueContent();
        String sha256 = AbstractFrontendIntegrationTests.sha256(content);
        HttpResponse<String> response = http.upload(new Multipart().file("f.bin", content).field("probes", probe));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        UUID scanId = receive().scanId();
        ResultMessages.publishFromProbe(publisher, probe,
                ResultMessages.answer(scanId, sha256, probe, Category.UNDETECTED, null));
        await().until(() -> json(http.get("/api/v1/scans/" + scanId)).get("status").asString().equals("finished"));
        return sha256;
    }

    private ScanRequested receive() {
        Object message = rabbit.receiveAndConvert(Topology.SCANS_QUEUE, 5000);
        assertThat(message).isInstanceOf(ScanRequested.class);
        return (ScanRequested) message;
    }
}
