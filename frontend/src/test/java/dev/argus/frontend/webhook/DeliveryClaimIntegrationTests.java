package dev.argus.frontend.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Several dispatchers claiming from one PostgreSQL outbox at once (each claim on its own connection, as two
 * frontends do) never claim the same attempt twice, and claim a delivery again once its lease is over. The rows are
 * due only in the test's future, so the application's own dispatcher leaves them alone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"argus.webhooks.allowed-hosts=127.0.0.1", "argus.webhooks.initial-backoff=200ms",
                "argus.webhooks.max-backoff=1s", "argus.webhooks.poll-interval=100ms",
                "argus.webhooks.request-timeout=5s"})
@ActiveProfiles("test")
class DeliveryClaimIntegrationTests {

    private static final int DELIVERIES = 60;
    private static final int DISPATCHERS = 6;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Deliveries deliveries;

    @Test
    void concurrentDispatchersClaimEachAttemptExactlyOnce() throws Exception {
        UUID scan = UUID.randomUUID();
        Instant future = Instant.now().plus(Duration.ofDays(3650)).truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("""
                insert into scan (id, status, created_at, finished_at, force, probes, total, done, owner)
                values (?, 'finished', now(), now(), false, '{p}', 1, 1, 'admin')""").param(scan).update();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < DELIVERIES; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            jdbc.sql("""
                    insert into webhook_delivery (id, scan_id, owner, kind, url, event, status, created_at,
                                                  deadline_at, next_attempt_at)
                    values (?, ?, 'admin', 'callback', 'http://127.0.0.1:9/', 'scan.finished', 'pending', now(),
                            ?::timestamptz + interval '1 day', ?::timestamptz)""")
                    .param(id).param(scan).param(future.toString()).param(future.toString()).update();
        }

        List<Deliveries.Claim> first = claimConcurrently(future, future.plus(Duration.ofMinutes(1)));
        assertThat(first).extracting(Deliveries.Claim::id).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(first).allSatisfy(claim -> assertThat(claim.attempt()).isEqualTo(1));
        assertThat(claimConcurrently(future.plusSeconds(30), future.plus(Duration.ofMinutes(2))))
                .as("leased: nobody claims them again before the lease ends").isEmpty();

        List<Deliveries.Claim> second = claimConcurrently(future.plus(Duration.ofMinutes(2)),
                future.plus(Duration.ofMinutes(3)));
        assertThat(second).extracting(Deliveries.Claim::id).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(second).allSatisfy(claim -> assertThat(claim.attempt()).isEqualTo(2));
        deliveries.attemptFailed(first.getFirst(), 500, "HTTP 500", null);
        assertThat(jdbc.sql("select status from webhook_delivery where id = ?").param(first.getFirst().id())
                .query(String.class).single()).as("a stale attempt's outcome is not recorded").isEqualTo("pending");
        jdbc.sql("delete from scan where id = ?").param(scan).update();
    }

    /** Every dispatcher claims in batches of 4 until nothing due is left; all claims of all dispatchers. */
    private List<Deliveries.Claim> claimConcurrently(Instant now, Instant leaseEnd) throws Exception {
        List<Callable<List<Deliveries.Claim>>> dispatchers = new ArrayList<>();
        for (int i = 0; i < DISPATCHERS; i++) {
            dispatchers.add(() -> {
                List<Deliveries.Claim> mine = new ArrayList<>();
                List<Deliveries.Claim> batch;
                do {
                    batch = deliveries.claim(now, leaseEnd, 4);
                    mine.addAll(batch);
                } while (!batch.isEmpty());
                return mine;
            });
        }
        List<Deliveries.Claim> all = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(DISPATCHERS)) {
            for (Future<List<Deliveries.Claim>> claims : pool.invokeAll(dispatchers)) {
                all.addAll(claims.get());
            }
        }
        return all;
    }
}
