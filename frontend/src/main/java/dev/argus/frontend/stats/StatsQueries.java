package dev.argus.frontend.stats;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL behind the statistics; each figure is one query over the latest result per (file, probe). */
@Repository
class StatsQueries {

    private static final String LATEST = """
            with latest as (
                select distinct on (sha256, probe) sha256, probe, category from scan_result
                order by sha256, probe, reported_at desc)
            """;

    private final JdbcClient jdbc;

    StatsQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long files() {
        return jdbc.sql("select count(*) from file").query(Long.class).single();
    }

    long scans() {
        return jdbc.sql("select count(*) from scan").query(Long.class).single();
    }

    Map<String, Long> labels() {
        Map<String, Long> labels = new HashMap<>(Map.of("malicious", 0L, "benign", 0L));
        jdbc.sql("select label, count(*) from file_label where current group by label")
                .query(rs -> {
                    labels.put(rs.getString(1), rs.getLong(2));
                });
        return labels;
    }

    List<StatsView.EngineStats> engines() {
        return jdbc.sql(LATEST + """
                        select probe, count(*),
                               count(*) filter (where category = 'malicious'),
                               count(*) filter (where category = 'suspicious'),
                               count(*) filter (where category in ('undetected', 'harmless')),
                               count(*) filter (where category in ('failure', 'timeout')),
                               count(*) filter (where category = 'type-unsupported')
                        from latest group by probe order by probe""")
                .query((rs, n) -> new StatsView.EngineStats(rs.getString(1), rs.getLong(2), rs.getLong(3),
                        rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7),
                        rs.getLong(3) / (double) rs.getLong(2)))
                .list();
    }

    List<StatsView.Agreement> agreement() {
        return jdbc.sql(LATEST + """
                        , concluded as (
                            select sha256, probe, category in ('malicious', 'suspicious') as detected from latest
                            where category in ('malicious', 'suspicious', 'undetected', 'harmless'))
                        select a.probe, b.probe, count(*), count(*) filter (where a.detected = b.detected)
                        from concluded a join concluded b on a.sha256 = b.sha256 and a.probe < b.probe
                        group by a.probe, b.probe order by a.probe, b.probe""")
                .query((rs, n) -> new StatsView.Agreement(List.of(rs.getString(1), rs.getString(2)), rs.getLong(3),
                        rs.getLong(4), rs.getLong(4) / (double) rs.getLong(3)))
                .list();
    }

    /** Rows of the table ({@code file} by first_seen, {@code scan} by created_at) per UTC day since a date. */
    Map<LocalDate, Long> perDay(String table, LocalDate since) {
        String sql = "scan".equals(table)
                ? "select (created_at at time zone 'UTC')::date, count(*) from scan where created_at >= ? group by 1"
                : "select (first_seen at time zone 'UTC')::date, count(*) from file where first_seen >= ? group by 1";
        Map<LocalDate, Long> days = new HashMap<>();
        jdbc.sql(sql).param(Timestamp.from(since.atStartOfDay(ZoneOffset.UTC).toInstant()))
                .query(rs -> {
                    days.put(rs.getObject(1, Date.class).toLocalDate(), rs.getLong(2));
                });
        return days;
    }

    /** The sha256s of the most recently seen files. */
    List<String> recentFiles(int limit) {
        return jdbc.sql("select sha256 from file order by last_seen desc limit ?").param(limit)
                .query(String.class).list();
    }
}
