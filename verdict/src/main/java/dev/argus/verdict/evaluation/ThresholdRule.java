package dev.argus.verdict.evaluation;

/**
 * The one rule that says how many detections make a file malicious without a model, for any number of engines:
 * {@code needed = min(threshold, max(1, ceil(fraction × concluded)))}, where {@code concluded} counts the engines
 * that reached a conclusion on the file. With many engines it is the plain threshold (VirusTotal style); with
 * few it drops to a share of them, so one antivirus engine next to a rule engine that missed the file still
 * makes it malicious. A fraction of 1 is the rule before issue 17 ({@code min(threshold, concluded)}: all of the
 * engines when fewer than the threshold concluded). Used by the frontend's {@code threshold} verdict and by the
 * {@code threshold} baseline of every evaluation, so both always agree.
 *
 * @param threshold detections that always suffice, at least 1
 * @param fraction  share of the concluded engines that suffices when it is lower, in (0, 1]
 */
public record ThresholdRule(int threshold, double fraction) {

    /** The share used when none is configured. */
    public static final double DEFAULT_FRACTION = 0.5;

    /** The default rule: 2 detections, or half of the engines that concluded when that is fewer. */
    public static final ThresholdRule DEFAULT = new ThresholdRule(2, DEFAULT_FRACTION);

    public ThresholdRule {
        if (threshold < 1) {
            throw new IllegalArgumentException("the detection threshold must be at least 1, was " + threshold);
        }
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("the threshold fraction must be in (0, 1], was " + fraction);
        }
    }

    /** The detections needed when {@code concluded} engines reached a conclusion (at least 1). */
    public long needed(long concluded) {
        return Math.min(threshold, Math.max(1, (long) Math.ceil(fraction * concluded - 1e-9)));
    }

    /** True when {@code detections} of {@code concluded} engines make the file malicious. */
    public boolean malicious(long detections, long concluded) {
        return concluded > 0 && detections >= needed(concluded);
    }
}
