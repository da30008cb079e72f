package dev.argus.frontend.audit;

import dev.argus.frontend.security.Caller;
import dev.argus.frontend.web.LogSafe;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code audit_event} table: plain SQL, append-only. Each action is also written at INFO to the logger
 * {@code argus.audit}, so a log shipper sees it without reading the database. Thread-safe.
 *
 * <p>Call {@link #record} inside the transaction that makes the change when there is one: the action and its
 * record then stand or fall together.
 */
@Component
public class AuditLog {

    /** The actor of an action no user started (a scheduled job). */
    public static final String SYSTEM = "system";

    private static final Logger log = LoggerFactory.getLogger("argus.audit");
    private static final int MAX_TARGET = 300;
    private static final int MAX_DETAIL = 2000;

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records an action by the given caller. */
    public void record(Caller actor, String action, String target, String detail) {
        record(actor.username(), action, target, detail);
    }

    /**
     * Records an action.
     *
     * @param actor  a username, or {@link #SYSTEM}
     * @param action a kebab-case verb ({@code file-deleted})
     * @param target what it was done to; cut to 300 characters
     * @param detail more, or null; cut to 2,000 characters
     */
    public void record(String actor, String action, String target, String detail) {
        Instant at = Instant.now();
        jdbc.sql("""
                        insert into audit_event (at, actor, action, target, detail)
                        values (:at, :actor, :action, :target, :detail)""")
                .param("at", Timestamp.from(at))
                .param("actor", actor)
                .param("action", action)
                .param("target", cut(target, MAX_TARGET))
                .param("detail", detail == null ? null : cut(detail, MAX_DETAIL))
                .update();
        log.info("audit: {} {} {}{}", LogSafe.text(actor), action, LogSafe.text(target),
                detail == null ? "" : " (" + LogSafe.text(detail) + ")");
    }

    /** The newest events first, optionally only one action's. */
    public List<AuditEvent> newest(String action, int offset, int limit) {
        return jdbc.sql("""
                        select id, at, actor, action, target, detail from audit_event
                        where (cast(:action as varchar) is null or action = :action)
                        order by id desc offset :offset limit :limit""")
                .param("action", action)
                .param("offset", offset)
                .param("limit", limit)
                .query((rs, row) -> new AuditEvent(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"), rs.getString("action"), rs.getString("target"),
                        rs.getString("detail")))
                .list();
    }

    /** How many events there are, optionally only of one action. */
    public long count(String action) {
        return jdbc.sql("select count(*) from audit_event where (cast(:action as varchar) is null or action = :action)")
                .param("action", action)
                .query(Long.class)
                .single();
    }

    private static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }
}
