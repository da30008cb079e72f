package dev.argus.frontend.model;

import dev.argus.verdict.tree.Sample;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads the labelled files with each engine's latest category for them: the files a model learns from. */
@Component
class TrainingSet {

    private final JdbcClient jdbc;

    TrainingSet(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The labelled files that have at least one result.
     *
     * @param samples     one per file
     * @param engines     every probe that answered for one of them, sorted
     * @param lastLabelId the newest label at reading time
     */
    record Snapshot(List<Sample> samples, List<String> engines, long lastLabelId) {
    }

    @Transactional(readOnly = true)
    Snapshot read() {
        long lastLabelId = jdbc.sql("select coalesce(max(id), 0) from file_label").query(Long.class).single();
        Map<String, Map<String, String>> answers = new HashMap<>();
        Map<String, Boolean> truth = new HashMap<>();
        TreeSet<String> engines = new TreeSet<>();
        jdbc.sql("""
                        select r.sha256, r.probe, r.category, l.label from (
                            select distinct on (sha256, probe) sha256, probe, category from scan_result
                            where sha256 in (select sha256 from file_label where current)
                            order by sha256, probe, reported_at desc) r
                        join file_label l on l.sha256 = r.sha256 and l.current""")
                .query(rs -> {
                    String sha256 = rs.getString(1);
                    answers.computeIfAbsent(sha256, s -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
                    truth.put(sha256, "malicious".equals(rs.getString(4)));
                    engines.add(rs.getString(2));
                });
        List<Sample> samples = answers.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> new Sample(e.getValue(), truth.get(e.getKey())))
                .toList();
        return new Snapshot(samples, List.copyOf(engines), lastLabelId);
    }
}
