package dev.argus.frontend.deadletter;

import dev.argus.common.json.ArgusJson;
import dev.argus.messaging.DeadLetters;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code dead_letter} table: plain SQL, each call its own statement. Thread-safe. */
@Component
class DeadLetterStore {

    /** How much of a body the list shows. */
    static final int PREVIEW = 4096;

    private final JdbcClient jdbc;

    DeadLetterStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Keeps a parked message once (by the id the parking process gave it). A message the broker dead-lettered
     * itself (a quorum queue's delivery limit, docs/operations.md#broker-cluster) has no {@code x-argus-*} headers:
     * its queue, exchange, routing key, reason and count come from RabbitMQ's {@code x-death} header, so it can be
     * replayed like any other. Passwords in the body are not kept ({@link PasswordRedaction}).
     */
    void keep(Message message) {
        byte[] body = PasswordRedaction.redacted(message.getBody());
        MessageProperties properties = message.getMessageProperties();
        Map<String, Object> headers = new LinkedHashMap<>();
        properties.getHeaders().forEach((name, value) -> headers.put(clean(name),
                value == null ? null : clean(value.toString())));
        Origin origin = Origin.of(properties);
        jdbc.sql("""
                        insert into dead_letter (id, queue, exchange, routing_key, message_type, error, process, failures,
                                                 parked_at, received_at, content_type, headers, body, body_size)
                        values (:id, :queue, :exchange, :routingKey, :type, :error, :process, :failures, :parkedAt,
                                :receivedAt, :contentType, cast(:headers as jsonb), :body, :size)
                        on conflict (id) do nothing""")
                .param("id", id(properties))
                .param("queue", origin.queue())
                .param("exchange", origin.exchange())
                .param("routingKey", origin.routingKey())
                .param("type", text(properties, "__TypeId__"))
                .param("error", origin.error())
                .param("process", text(properties, DeadLetters.PROCESS))
                .param("failures", origin.failures())
                .param("parkedAt", timestamp(origin.parkedAt()))
                .param("receivedAt", timestamp(Instant.now()))
                .param("contentType", properties.getContentType())
                .param("headers", ArgusJson.mapper().writeValueAsString(headers))
                .param("body", body)
                .param("size", body.length)
                .update();
    }

    /** Where a parked message came from and why it was parked: Argus's headers, else the broker's x-death. */
    private record Origin(String queue, String exchange, String routingKey, String error, int failures,
                          Instant parkedAt) {

        static Origin of(MessageProperties properties) {
            List<Map<String, ?>> deaths = properties.getXDeathHeader();
            if (properties.getHeaders().containsKey(DeadLetters.QUEUE) || deaths == null || deaths.isEmpty()) {
                return new Origin(text(properties, DeadLetters.QUEUE), text(properties, DeadLetters.EXCHANGE),
                        text(properties, DeadLetters.ROUTING_KEY),
                        Optional.ofNullable(text(properties, DeadLetters.ERROR)).orElse("unknown"),
                        DeadLetterStore.failures(properties), DeadLetterStore.parkedAt(properties));
            }
            Map<String, ?> death = deaths.getFirst(); // the newest dead-lettering comes first
            return new Origin(string(death.get("queue")), string(death.get("exchange")), firstKey(death),
                    "dead-lettered by the broker: " + string(death.get("reason")),
                    death.get("count") instanceof Number count ? count.intValue() : 1,
                    death.get("time") instanceof Date time ? time.toInstant() : Instant.now());
        }

        private static String firstKey(Map<String, ?> death) {
            return death.get("routing-keys") instanceof List<?> keys && !keys.isEmpty()
                    ? string(keys.getFirst()) : null;
        }

        private static String string(Object value) {
            return value == null ? null : clean(value.toString());
        }
    }

    /** The newest parked messages first, at most {@code limit}. */
    List<DeadLetter> list(int limit) {
        return jdbc.sql("""
                        select id, queue, exchange, routing_key, message_type, error, process, failures, parked_at,
                               body_size, substring(body from 1 for :preview) as preview
                        from dead_letter order by parked_at desc, id limit :limit""")
                .param("preview", PREVIEW)
                .param("limit", limit)
                .query((rs, row) -> deadLetter(rs))
                .list();
    }

    /** The stored message to publish again, locked until the transaction ends (two replays cannot both send it). */
    Optional<Stored> lock(UUID id) {
        return jdbc.sql("select exchange, routing_key, message_type, content_type, body from dead_letter where id = :id"
                        + " for update")
                .param("id", id)
                .query((rs, row) -> new Stored(id, rs.getString("exchange"), rs.getString("routing_key"),
                        rs.getString("message_type"), rs.getString("content_type"), rs.getBytes("body")))
                .optional();
    }

    /** Removes it; false when there was none. */
    boolean delete(UUID id) {
        return jdbc.sql("delete from dead_letter where id = :id").param("id", id).update() == 1;
    }

    /** A stored message. */
    record Stored(UUID id, String exchange, String routingKey, String messageType, String contentType, byte[] body) {
    }

    private static DeadLetter deadLetter(ResultSet rs) throws SQLException {
        byte[] preview = rs.getBytes("preview");
        return new DeadLetter(rs.getObject("id", UUID.class), rs.getString("queue"), rs.getString("exchange"),
                rs.getString("routing_key"), rs.getString("message_type"), rs.getString("error"),
                rs.getString("process"), rs.getInt("failures"),
                rs.getObject("parked_at", OffsetDateTime.class).toInstant(), rs.getInt("body_size"),
                preview == null ? "" : clean(new String(preview, StandardCharsets.UTF_8)));
    }

    private static UUID id(MessageProperties properties) {
        String id = text(properties, DeadLetters.ID);
        try {
            return id == null ? UUID.randomUUID() : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static int failures(MessageProperties properties) {
        Object value = properties.getHeaders().get(DeadLetters.FAILURES);
        return value instanceof Number number ? number.intValue() : 1;
    }

    private static Instant parkedAt(MessageProperties properties) {
        String value = text(properties, DeadLetters.PARKED_AT);
        try {
            return value == null ? Instant.now() : Instant.parse(value);
        } catch (DateTimeParseException e) {
            return Instant.now();
        }
    }

    private static String text(MessageProperties properties, String header) {
        Object value = properties.getHeaders().get(header);
        return value == null ? null : clean(value.toString());
    }

    /** PostgreSQL text and jsonb take no NUL; a parked message may well carry one. */
    private static String clean(String text) {
        return text.replace("\u0000", "\\u0000");
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}
