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
import dev.argus.testsupport.ArgusTestClient.Multipart;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
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
class StaleRescanIntegrationTests extends AbstractBrainDoubleIntegrationTests {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    StaleRescan staleRescan;

    @Test
    void rescansStaleFilesSeenLatelyAsBulkWorkWithinTheHourlyBudget() {
        // the budget is shared through the database: rescans of earlier runs leave this hour
        jdbc.sql("update scan set created_at = created_at - interval '2 hours' where ? = any(tags)")
                .param(StaleRescan.TAG).update();
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
        UUID scanId = submit(new Multipart().file("f.bin", content).field("probes", probe)).scanId();
        ResultMessages.publishFromProbe(publisher, probe,
                ResultMessages.answer(scanId, sha256, probe, Category.UNDETECTED, null));
        await().until(() -> json(http.get("/api/v1/scans/" + scanId)).get("status").asString().equals("finished"));
        return sha256;
    }

}
