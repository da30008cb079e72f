package dev.argus.frontend.stats;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/stats}. Engine figures use each engine's latest result per file.
 *
 * @param files     files known
 * @param scans     scans submitted
 * @param labels    current labels by truth ({@code malicious}, {@code benign})
 * @param engines   per probe
 * @param agreement per pair of probes
 * @param perDay    new files and scans per UTC day, oldest first, zero days included
 * @param verdicts  the verdict distribution over the most recently seen files
 */
public record StatsView(long files, long scans, Map<String, Long> labels, List<EngineStats> engines,
                        List<Agreement> agreement, List<Day> perDay, VerdictDistribution verdicts) {

    /**
     * One engine's latest results.
     *
     * @param probe           the engine
     * @param files           files it has a result for
     * @param malicious       of which {@code malicious}
     * @param suspicious      of which {@code suspicious}
     * @param clean           of which {@code undetected} or {@code harmless}
     * @param failed          of which {@code failure} or {@code timeout}
     * @param unsupported     of which {@code type-unsupported}
     * @param detectionRate   malicious / files
     */
    public record EngineStats(String probe, long files, long malicious, long suspicious, long clean, long failed,
                              long unsupported, double detectionRate) {
    }

    /**
     * How often two engines agree on files both reached a conclusion on (detected = malicious or suspicious).
     *
     * @param probes    the two engines
     * @param files     files both concluded on
     * @param agreeing  files where both detected or both did not
     * @param rate      agreeing / files
     */
    public record Agreement(List<String> probes, long files, long agreeing, double rate) {
    }

    /**
     * One UTC day.
     *
     * @param day   the date
     * @param files files first seen that day
     * @param scans scans created that day
     */
    public record Day(LocalDate day, long files, long scans) {
    }

    /**
     * Verdicts over a sample of files.
     *
     * @param sampled the most recently seen files judged
     * @param counts  by verdict label, all four included
     */
    public record VerdictDistribution(int sampled, Map<String, Long> counts) {
    }
}
