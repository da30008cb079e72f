package dev.argus.brain.job;

import dev.argus.common.json.ArgusJson;
import dev.argus.common.message.Category;
import dev.argus.common.message.EngineResult;
import dev.argus.common.message.ProbeDescriptor;
import dev.argus.common.message.ResultReuse;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;

/**
 * Finds a reusable result for a (file, probe) pair: the latest result an engine produced (origin ENGINE, status DONE)
 * with the probe's current engine version, kept if {@link ResultReuse} accepts it. Cache hits, filter and offline
 * results never feed it. One plain SQL statement on {@code job_cache_idx}, in the caller's transaction.
 */
@Component
public class ResultCache {

    /** The pre-filter of {@link ResultReuse}'s category rule, so the newest usable row is the one found. */
    private static final String CONCLUSIVE = java.util.Arrays.stream(Category.values()).filter(Category::isConclusive)
            .map(c -> "'" + c.wireName() + "'").collect(java.util.stream.Collectors.joining(", "));
    private static final String SELECT = """
            select category, result, engine_version, signature_version, duration_ms, error, details
            from brain.job
            where sha256 = :sha256 and probe = :probe and engine_version = :engineVersion
              and signature_version is not distinct from :signatureVersion
              and origin = 'ENGINE' and status = 'DONE' and category in (%s)
            order by finished_at desc
            limit 1""".formatted(CONCLUSIVE);
    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    ResultCache(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The result to reuse for this file and probe, if the scan allows reuse and one exists. */
    public Optional<EngineResult> lookup(boolean force, String sha256, ProbeDescriptor probe) {
        if (!ResultReuse.allowed(force, probe)) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT)
                .param("sha256", sha256)
                .param("probe", probe.name())
                .param("engineVersion", probe.engineVersion())
                .param("signatureVersion", probe.signatureVersion())
                .query((rs, row) -> engineResult(rs))
                .optional()
                .filter(r -> ResultReuse.reusable(force, probe, r.category(), r.engineVersion(), r.signatureVersion()));
    }

    private static EngineResult engineResult(ResultSet rs) throws SQLException {
        String details = rs.getString("details");
        return new EngineResult(Category.fromWireName(rs.getString("category")), rs.getString("result"),
                rs.getString("engine_version"), rs.getString("signature_version"), rs.getLong("duration_ms"),
                rs.getString("error"), details == null ? Map.of() : ArgusJson.mapper().readValue(details, DETAILS));
    }
}
