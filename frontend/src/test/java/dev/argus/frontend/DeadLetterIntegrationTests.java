package dev.argus.frontend;

import static dev.argus.frontend.AbstractFrontendIntegrationTests.assertProblem;
import static dev.argus.testsupport.ArgusTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.argus.testsupport.ArgusTestClient;
import dev.argus.common.amqp.MessageTypes;
import dev.argus.common.amqp.Topology;
import dev.argus.common.message.Category;
import dev.argus.common.message.ResultsReported;
import dev.argus.messaging.DeadLetters;
import dev.argus.messaging.Routes;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.Queue;
import tools.jackson.databind.JsonNode;

/**
 * Poison messages: an unreadable message on {@code argus.frontend.results} is parked in {@code argus.dead-letters},
 * kept in the database and shown to admins, who replay or drop it ({@code /api/v1/admin/dead-letters}); the
 * messages behind it are handled as usual.
 */
class DeadLetterIntegrationTests extends AbstractMessageFlowIntegrationTests {

    private static final String DEAD_LETTERS = "/api/v1/admin/dead-letters";

    @Test
    void anUnreadableResultMessageIsParkedListedReplayedAndDroppedWhileTheResultBehindItIsStored() {
        String marker = "poison-" + UUID.randomUUID();
        byte[] poison = ("{\"producer\":\"" + marker + "\",\"results\":[{\"scanId\":").getBytes(StandardCharsets.UTF_8);
        byte[] content = unique();
        UUID id = upload(CLAMAV, content);

        publisher.publishRaw(Topology.RESULTS_EXCHANGE, Topology.probeResultKey(CLAMAV), unreadable(poison));
        ResultMessages.publishFromProbe(publisher, CLAMAV,
                ResultMessages.answer(id, sha256(content), CLAMAV, Category.MALICIOUS, "Behind-The-Poison"));

        await().untilAsserted(() -> assertThat(status(id)).isEqualTo("finished"));
        assertThat(result(id, sha256(content), CLAMAV).get("result").asString()).isEqualTo("Behind-The-Poison");
        JsonNode parked = await().until(() -> listed(marker), Optional::isPresent).orElseThrow();
        assertThat(parked.get("queue").asString()).isEqualTo(Topology.FRONTEND_RESULTS_QUEUE);
        assertThat(parked.get("exchange").asString()).isEqualTo(Topology.RESULTS_EXCHANGE);
        assertThat(parked.get("routingKey").asString()).isEqualTo("probe.clamav");
        assertThat(parked.get("messageType").asString()).isEqualTo("ResultsReported");
        assertThat(parked.get("error").asString()).startsWith("unreadable");
        assertThat(parked.get("process").asString()).isEqualTo("argus-frontend");
        assertThat(parked.get("failures").asInt()).as("unreadable: parked at once").isEqualTo(1);
        assertThat(parked.get("bodySize").asInt()).isEqualTo(poison.length);
        assertThat(parked.get("body").asString()).isEqualTo(new String(poison, StandardCharsets.UTF_8));
        assertThat(Instant.parse(parked.get("parkedAt").asString())).isBefore(Instant.now());
        String first = parked.get("id").asString();

        HttpResponse<String> replayed = http.post(DEAD_LETTERS + "/" + first + "/replay");

        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(202);
        assertThat(ids()).as("removed once replayed").doesNotContain(first);
        // published again to argus.results [probe.clamav]: consumed from the results queue and parked afresh
        JsonNode again = await().until(() -> listed(marker), Optional::isPresent).orElseThrow();
        String second = again.get("id").asString();
        assertThat(second).isNotEqualTo(first);
        assertThat(again.get("queue").asString()).isEqualTo(Topology.FRONTEND_RESULTS_QUEUE);
        assertThat(again.get("routingKey").asString()).isEqualTo("probe.clamav");

        assertThat(http.send("DELETE", DEAD_LETTERS + "/" + second, "application/json", "").statusCode())
                .isEqualTo(204);
        assertThat(ids()).doesNotContain(second);
        assertProblem(http.send("DELETE", DEAD_LETTERS + "/" + second, "application/json", ""), 404,
                "dead-letter-not-found");
        assertProblem(http.post(DEAD_LETTERS + "/" + second + "/replay"), 404, "dead-letter-not-found");
        assertThat(status(id)).isEqualTo("finished");
    }

    @Test
    void resultsOfAnotherProbeThanTheRoutingKeyNamesAreParkedNotStored() {
        byte[] content = unique();
        UUID id = upload(CLAMAV, content);
        String marker = "impostor-" + UUID.randomUUID();

        // a probe "metadata" reporting clamav's result: the routing key names the publisher (topic permission)
        publisher.publish(Routes.probeResults("metadata",
                new ResultsReported(marker, List.of(ResultMessages.answer(id,
                        sha256(content), CLAMAV, Category.UNDETECTED, "Forged")), Instant.now())));
        ResultMessages.publishFromProbe(publisher, CLAMAV,
                ResultMessages.answer(id, sha256(content), CLAMAV, Category.MALICIOUS, "Genuine"));

        await().untilAsserted(() -> assertThat(status(id)).isEqualTo("finished"));
        assertThat(result(id, sha256(content), CLAMAV).get("result").asString()).isEqualTo("Genuine");
        JsonNode parked = await().until(() -> listed(marker), Optional::isPresent).orElseThrow();
        assertThat(parked.get("error").asString())
                .isEqualTo("a result of probe clamav published by probe metadata (routing key probe.metadata)");
        assertThat(http.send("DELETE", DEAD_LETTERS + "/" + parked.get("id").asString(), "application/json", "")
                .statusCode()).isEqualTo(204);
    }

    /**
     * A message the broker dead-lettered itself (as a quorum queue does past its delivery limit; here a queue's
     * message TTL, which classic queues have too) carries only RabbitMQ's x-death header: it is listed with the queue,
     * exchange and routing key it came through and the broker's reason, and a replay sends it that way again.
     */
    @Test
    void aMessageTheBrokerDeadLetteredIsListedWithItsOriginAndReplayedTheWayItCame() {
        String key = "broker-dead-letter-" + UUID.randomUUID();
        amqpAdmin.declareQueue(new Queue(key, false, false, false, Map.of("x-message-ttl", 1,
                "x-dead-letter-exchange", Topology.DEAD_LETTER_EXCHANGE)));
        amqpAdmin.declareBinding(new Binding(key, Binding.DestinationType.QUEUE, Topology.PROBE_EXCHANGE, key, null));
        try {
            rabbit.send(Topology.PROBE_EXCHANGE, key, MessageBuilder.withBody(key.getBytes(StandardCharsets.UTF_8))
                    .setContentType("application/json").build());

            JsonNode parked = await().until(() -> listed(key), Optional::isPresent).orElseThrow();
            assertThat(parked.get("queue").asString()).isEqualTo(key);
            assertThat(parked.get("exchange").asString()).isEqualTo(Topology.PROBE_EXCHANGE);
            assertThat(parked.get("routingKey").asString()).isEqualTo(key);
            assertThat(parked.get("error").asString()).isEqualTo("dead-lettered by the broker: expired");
            assertThat(parked.get("failures").asInt()).isEqualTo(1);
            String first = parked.get("id").asString();

            HttpResponse<String> replayed = http.post(DEAD_LETTERS + "/" + first + "/replay");

            assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(202);
            // through argus.probe [key] into the expiring queue once more, and from there parked afresh
            JsonNode again = await().until(() -> listed(key).filter(d -> !d.get("id").asString().equals(first)),
                    Optional::isPresent).orElseThrow();
            assertThat(again.get("queue").asString()).isEqualTo(key);
            assertThat(again.get("routingKey").asString()).isEqualTo(key);
            assertThat(http.send("DELETE", DEAD_LETTERS + "/" + again.get("id").asString(), "application/json", "")
                    .statusCode()).isEqualTo(204);
        } finally {
            amqpAdmin.deleteQueue(key);
        }
    }

    @Test
    void onlyAnAdminMayListReplayOrDropParkedMessages() {
        String id = park("argus.live", "argus.live.some-frontend", "only admins see this");
        for (String role : List.of("ANALYST", "READER")) {
            ArgusTestClient user = http.newUser(role);
            assertProblem(user.get(DEAD_LETTERS), 403, "forbidden");
            assertProblem(user.post(DEAD_LETTERS + "/" + id + "/replay"), 403, "forbidden");
            assertProblem(user.send("DELETE", DEAD_LETTERS + "/" + id, "application/json", ""), 403, "forbidden");
        }
        ArgusTestClient anonymous = http.withKey(null);
        assertProblem(anonymous.get(DEAD_LETTERS), 401, "unauthorized");
        assertProblem(anonymous.post(DEAD_LETTERS + "/" + id + "/replay"), 401, "unauthorized");
        assertProblem(anonymous.send("DELETE", DEAD_LETTERS + "/" + id, "application/json", ""), 401,
                "unauthorized");

        assertThat(ids()).as("still parked").contains(id);
        assertThat(http.send("DELETE", DEAD_LETTERS + "/" + id, "application/json", "").statusCode()).isEqualTo(204);
    }

    @Test
    void aParkedMessageOfAnExchangeOutsideTheDurableRoutesCanOnlyBeDropped() {
        String id = park(Topology.LIVE_EXCHANGE, "argus.live.some-frontend", "a live event nobody could read");

        assertProblem(http.post(DEAD_LETTERS + "/" + id + "/replay"), 409, "dead-letter-not-replayable");

        JsonNode kept = listed(id).orElseThrow();
        assertThat(kept.get("exchange").asString()).isEqualTo(Topology.LIVE_EXCHANGE);
        assertThat(kept.get("error").asString()).isEqualTo("a live event nobody could read");
        assertThat(http.send("DELETE", DEAD_LETTERS + "/" + id, "application/json", "").statusCode()).isEqualTo(204);
        assertProblem(http.post(DEAD_LETTERS + "/" + UUID.randomUUID() + "/replay"), 404, "dead-letter-not-found");
        assertProblem(http.get(DEAD_LETTERS + "?limit=0"), 400, "invalid-parameter");
        assertProblem(http.get(DEAD_LETTERS + "?limit=501"), 400, "invalid-parameter");
    }

    /** An unreadable message as a broken producer would publish it: JSON content type, a contract type id. */
    private static Message unreadable(byte[] body) {
        return MessageBuilder.withBody(body)
                .setContentType("application/json")
                .setMessageId(UUID.randomUUID().toString())
                .setHeader(MessageTypes.TYPE_HEADER, "ResultsReported")
                .build();
    }

    /** Parks a message the way a process does (the headers of {@link DeadLetters}); its id once it is listed. */
    private String park(String exchange, String queue, String error) {
        String id = UUID.randomUUID().toString();
        publisher.publishRaw(Topology.DEAD_LETTER_EXCHANGE, "", MessageBuilder.withBody("{}".getBytes())
                .setContentType("application/json")
                .setHeader(MessageTypes.TYPE_HEADER, "ScanProgressed")
                .setHeader(DeadLetters.ID, id)
                .setHeader(DeadLetters.QUEUE, queue)
                .setHeader(DeadLetters.EXCHANGE, exchange)
                .setHeader(DeadLetters.ROUTING_KEY, "")
                .setHeader(DeadLetters.ERROR, error)
                .setHeader(DeadLetters.PROCESS, "argus-frontend")
                .setHeader(DeadLetters.PARKED_AT, Instant.now().toString())
                .setHeader(DeadLetters.FAILURES, 1)
                .build());
        await().until(() -> listed(id).isPresent());
        return id;
    }

    /** The listed parked message whose id or body contains the text. */
    private Optional<JsonNode> listed(String text) {
        return StreamSupport.stream(list().spliterator(), false)
                .filter(d -> d.get("id").asString().equals(text) || d.get("body").asString().contains(text))
                .findFirst();
    }

    private List<String> ids() {
        return StreamSupport.stream(list().spliterator(), false).map(d -> d.get("id").asString()).toList();
    }

    private JsonNode list() {
        HttpResponse<String> response = http.get(DEAD_LETTERS + "?limit=500");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }
}
