package dev.argus.frontend.override;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code verdict_override} table, plain SQL. */
@Repository
class OverrideStore {

    private static final String COLUMNS =
            "select id, sha256, engine, threat, action, reason, created_by, created_at from verdict_override ";

    private final JdbcClient jdbc;

    OverrideStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every override in force, newest first. */
    List<VerdictOverride> all() {
        return jdbc.sql(COLUMNS + "order by id desc").query(OverrideStore::row).list();
    }

    Optional<VerdictOverride> find(long id) {
        return jdbc.sql(COLUMNS + "where id = ?").param(id).query(OverrideStore::row).optional();
    }

    /** The override that already covers the same file or (engine, threat), if any. */
    Optional<VerdictOverride> sameTarget(String sha256, String engine, String threat) {
        return jdbc.sql(COLUMNS + "where sha256 = :sha256 or (engine = :engine and threat = :threat)")
                .param("sha256", sha256).param("engine", engine).param("threat", threat)
                .query(OverrideStore::row).optional();
    }

    VerdictOverride insert(String sha256, String engine, String threat, OverrideAction action, String reason,
                           String by, Instant at) {
        long id = jdbc.sql("""
                        insert into verdict_override (sha256, engine, threat, action, reason, created_by, created_at)
                        values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(sha256, engine, threat, action.wireName(), reason, by, Timestamp.from(at))
                .query(Long.class).single();
        return new VerdictOverride(id, sha256, engine, threat, action, reason, by, at);
    }

    boolean delete(long id) {
        return jdbc.sql("delete from verdict_override where id = ?").param(id).update() == 1;
    }

    private static VerdictOverride row(ResultSet rs, int n) throws SQLException {
        return new VerdictOverride(rs.getLong("id"), rs.getString("sha256"), rs.getString("engine"),
                rs.getString("threat"), OverrideAction.fromWireName(rs.getString("action")).orElseThrow(),
                rs.getString("reason"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
    }
}
