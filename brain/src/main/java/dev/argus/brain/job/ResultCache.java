package dev.argus.brain.job;

import dev.argus.common.json.ArgusJson;
import dev.argus.common.message.Category;
import dev.argus.common.message.EngineResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;

/**
 * Finds a reusable result: the latest conclusive result an engine produced (origin ENGINE, status DONE) for
 * the same file, probe and versions. Cache hits, filter and offline results never feed it. One plain SQL
 * statement on {@code job_cache_idx}, run in the caller's transaction: the JPQL form with a collection
 * parameter was translated to SQL again on every call, which cost the brain more than the query itself.
 */
@Component
public class ResultCache {

    private static final String CACHEABLE = CacheKey.CACHEABLE.stream().map(Category::wireName).sorted()
            .map(name -> "'" + name + "'").collect(Collectors.joining(", "));
    private static final String SELECT = """
            select category, result, engine_version, signature_version, duration_ms, error, details
            from brain.job
            where sha256 = :sha256 and probe = :probe and engine_version = :engineVersion and %s
              and origin = 'ENGINE' and status = 'DONE' and category in (%s)
            order by finished_at desc
            limit 1""";
    private static final String WITH_SIGNATURE = SELECT.formatted("signature_version = :signatureVersion", CACHEABLE);
    private static final String WITHOUT_SIGNATURE = SELECT.formatted("signature_version is null", CACHEABLE);
    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    ResultCache(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The cached result for the key, if any. */
    public Optional<EngineResult> lookup(CacheKey key) {
        JdbcClient.StatementSpec query = key.signatureVersion() == null
                ? jdbc.sql(WITHOUT_SIGNATURE)
                : jdbc.sql(WITH_SIGNATURE).param("signatureVersion", key.signatureVersion());
        return query.param("sha256", key.sha256())
                .param("probe", key.probe())
                .param("engineVersion", key.engineVersion())
                .query((rs, row) -> engineResult(rs))
                .optional();
    }

    private static EngineResult engineResult(ResultSet rs) throws SQLException {
        String details = rs.getString("details");
        long durationMs = rs.getLong("duration_ms");
        return new EngineResult(Category.fromWireName(rs.getString("category")), rs.getString("result"),
                rs.getString("engine_version"), rs.getString("signature_version"), durationMs, rs.getString("error"),
                details == null ? Map.of() : ArgusJson.mapper().readValue(details, DETAILS));
    }
}
