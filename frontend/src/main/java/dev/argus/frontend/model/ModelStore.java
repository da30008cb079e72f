package dev.argus.frontend.model;

import dev.argus.common.json.ArgusJson;
import dev.argus.verdict.model.TrainedModel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Model versions in the {@code verdict_model} table, the trained model as JSON. */
@Repository
class ModelStore {

    private static final String COLUMNS =
            "select id, created_at, last_label_id, body::text, adopted_by, adopted_at from verdict_model ";
    /** The current model: the one adopted last. */
    private static final String CURRENT = "where adopted_at is not null order by adopted_at desc, id desc limit 1";

    private final JdbcClient jdbc;

    ModelStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    StoredModel insert(TrainedModel model, long lastLabelId, Instant now) {
        long id = jdbc.sql("""
                        insert into verdict_model (created_at, samples, last_label_id, body)
                        values (?, ?, ?, cast(? as jsonb)) returning id""")
                .params(Timestamp.from(now), model.samples(), lastLabelId,
                        ArgusJson.mapper().writeValueAsString(model))
                .query(Long.class).single();
        return new StoredModel(id, now, lastLabelId, model);
    }

    /** The current model: the one an admin adopted last. */
    Optional<StoredModel> latest() {
        return jdbc.sql(COLUMNS + CURRENT).query(ModelStore::row).optional();
    }

    /** The newest model trained after the current one and never adopted, if any. */
    Optional<StoredModel> candidate() {
        return jdbc.sql(COLUMNS + """
                        where adopted_at is null
                          and id > coalesce((select id from verdict_model\s""" + CURRENT + """
                        ), 0)
                        order by id desc limit 1""").query(ModelStore::row).optional();
    }

    /** Marks the model adopted; false when there is none with this id. */
    boolean adopt(long id, String by, Instant at) {
        return jdbc.sql("update verdict_model set adopted_by = ?, adopted_at = ? where id = ?")
                .params(by, Timestamp.from(at), id).update() == 1;
    }

    Optional<StoredModel> find(long id) {
        return jdbc.sql(COLUMNS + "where id = ?").param(id).query(ModelStore::row).optional();
    }

    /** The current model's id, or 0 when none was adopted. */
    long latestId() {
        return jdbc.sql("select coalesce((select id from verdict_model " + CURRENT + "), 0)")
                .query(Long.class).single();
    }

    /** Labels stored after the newest model's training. */
    long labelsSinceLatest() {
        return jdbc.sql("""
                        select count(*) from file_label
                        where id > coalesce((select max(last_label_id) from verdict_model), 0)""")
                .query(Long.class).single();
    }

    private static StoredModel row(ResultSet rs, int n) throws SQLException {
        Timestamp adoptedAt = rs.getTimestamp(6);
        return new StoredModel(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getLong(3),
                ArgusJson.mapper().readValue(rs.getString(4), TrainedModel.class), rs.getString(5),
                adoptedAt == null ? null : adoptedAt.toInstant());
    }
}
