package dev.argus.frontend.stats;

import dev.argus.frontend.scan.ResultView;
import dev.argus.frontend.scan.ScanResult;
import dev.argus.frontend.scan.ScanResultRepository;
import dev.argus.frontend.verdict.Verdict;
import dev.argus.frontend.verdict.Verdicts;
import dev.argus.frontend.web.ApiException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Assembles {@code GET /api/v1/stats}. */
@Service
class Statistics {

    /** The most days {@code perDay} covers. */
    static final int MAX_DAYS = 366;
    /** How many of the most recently seen files the verdict distribution judges. */
    static final int VERDICT_SAMPLE = 1000;

    private final StatsQueries queries;
    private final ScanResultRepository results;
    private final Verdicts verdicts;

    Statistics(StatsQueries queries, ScanResultRepository results, Verdicts verdicts) {
        this.queries = queries;
        this.results = results;
        this.verdicts = verdicts;
    }

    @Transactional(readOnly = true)
    StatsView stats(int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw ApiException.badRequest("invalid-parameter",
                    "parameter 'days' must be between 1 and " + MAX_DAYS + ", was " + days);
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate since = today.minusDays(days - 1L);
        Map<LocalDate, Long> files = queries.perDay("file", since);
        Map<LocalDate, Long> scans = queries.perDay("scan", since);
        List<StatsView.Day> perDay = new ArrayList<>();
        for (LocalDate day = since; !day.isAfter(today); day = day.plusDays(1)) {
            perDay.add(new StatsView.Day(day, files.getOrDefault(day, 0L), scans.getOrDefault(day, 0L)));
        }
        return new StatsView(queries.files(), queries.scans(), queries.labels(), queries.engines(),
                queries.agreement(), perDay, verdictDistribution());
    }

    private StatsView.VerdictDistribution verdictDistribution() {
        List<String> recent = queries.recentFiles(VERDICT_SAMPLE);
        Map<String, Map<String, ResultView>> byFile = new HashMap<>();
        if (!recent.isEmpty()) {
            for (ScanResult result : results.findLatestPerProbe(recent)) {
                byFile.computeIfAbsent(result.sha256(), s -> new LinkedHashMap<>()).put(result.probe(), result.view());
            }
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Verdict.Label label : Verdict.Label.values()) {
            counts.put(label.wireName(), 0L);
        }
        byFile.forEach((sha256, fileResults) -> counts.merge(
                verdicts.judge(sha256, fileResults).label().wireName(), 1L, Long::sum));
        return new StatsView.VerdictDistribution(byFile.size(), counts);
    }
}
