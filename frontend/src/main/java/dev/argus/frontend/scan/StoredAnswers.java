package dev.argus.frontend.scan;

import dev.argus.common.message.Category;
import dev.argus.common.message.ProbeCategory;
import dev.argus.common.message.ResultReuse;
import dev.argus.frontend.FrontendProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The results a scan that does not force a rescan may reuse, found in the frontend's own tables: for each file
 * and probe, the latest result that {@link ResultReuse} accepts for the probe's current versions (the one rule the
 * brain's result cache applies too; the query pre-selects by it), from a probe that is online in a fresh
 * directory. When every (file, probe) pair of a
 * scan has such a result, the frontend answers the scan itself, without a round trip through the brain, the way a
 * known hash is answered at once. A partial hit still goes to the brain, which reuses what it can per pair.
 */
@Component
class StoredAnswers {

    private static final String[] CONCLUSIVE = Arrays.stream(Category.values())
            .filter(Category::isConclusive)
            .map(Category::wireName)
            .toArray(String[]::new);

    private final JdbcClient jdbc;
    private final Duration staleAfter;
    private final Clock clock = Clock.systemUTC();

    StoredAnswers(JdbcClient jdbc, FrontendProperties properties) {
        this.jdbc = jdbc;
        this.staleAfter = properties.directoryStaleAfter();
    }

    /** The reusable results among the pairs of these files and probes, at most one per pair. */
    List<StoredAnswer> find(Collection<String> sha256s, List<String> probes) {
        return jdbc.sql("""
                        select distinct on (r.sha256, r.probe) r.sha256, r.probe, r.category, r.result,
                               r.engine_version, r.signature_version, r.duration_ms, r.details::text as details,
                               p.engine_version as current_engine, p.signature_version as current_signature,
                               p.category as current_category
                        from scan_result r
                        join probe p on p.name = r.probe
                        where r.sha256 = any(:hashes) and r.probe = any(:probes) and r.category = any(:conclusive)
                          and p.online and p.updated_at > :freshSince
                          and r.engine_version = p.engine_version
                          and r.signature_version is not distinct from p.signature_version
                        order by r.sha256, r.probe, r.reported_at desc
                        """)
                .param("hashes", sha256s.toArray(String[]::new))
                .param("probes", probes.toArray(String[]::new))
                .param("conclusive", CONCLUSIVE)
                .param("freshSince", OffsetDateTime.ofInstant(clock.instant().minus(staleAfter), ZoneOffset.UTC))
                .query((rs, row) -> new Candidate(new StoredAnswer(rs.getString("sha256"), rs.getString("probe"),
                        rs.getString("category"), rs.getString("result"), rs.getString("engine_version"),
                        rs.getString("signature_version"), rs.getLong("duration_ms"), rs.getString("details")),
                        rs.getString("current_engine"), rs.getString("current_signature"),
                        rs.getString("current_category")))
                .list().stream()
                .filter(Candidate::reusable)
                .map(Candidate::answer)
                .toList();
    }

    /** A stored result with the probe's current versions, which {@link ResultReuse} judges. */
    private record Candidate(StoredAnswer answer, String currentEngine, String currentSignature,
                             String currentCategory) {
        boolean reusable() {
            return ResultReuse.reusesResultsOf(ProbeCategory.fromWireName(currentCategory))
                    && ResultReuse.reusable(false, currentEngine, currentSignature,
                    Category.fromWireName(answer.category()), answer.engineVersion(), answer.signatureVersion());
        }
    }

    /** Stores the answers as the scan's results, each marked cached and reported now. */
    void copyInto(UUID scanId, List<StoredAnswer> answers, Instant now) {
        for (StoredAnswer answer : answers) {
            new ResultRow(scanId, answer.sha256(), answer.probe(), answer.category(), answer.result(),
                    answer.engineVersion(), answer.signatureVersion(), answer.durationMs(), null, true,
                    answer.details(), now).insert(jdbc);
        }
    }

    /** One reusable result, as stored (category by wire name, details as JSON text). */
    record StoredAnswer(String sha256, String probe, String category, String result, String engineVersion,
                        String signatureVersion, long durationMs, String details) {
    }
}
