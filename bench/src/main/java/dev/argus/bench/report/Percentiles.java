package dev.argus.bench.report;

import java.util.Arrays;
import java.util.Collection;

/** Nearest-rank percentiles of a sample of durations in milliseconds. */
public final class Percentiles {

    private final double[] sorted;

    public Percentiles(Collection<Double> values) {
        this.sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    /**
     * The smallest value with at least {@code p} percent of the sample at or below it (nearest rank); NaN for an
     * empty sample.
     */
    public double at(double p) {
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
        }
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    public double mean() {
        return sorted.length == 0 ? Double.NaN : Arrays.stream(sorted).average().orElseThrow();
    }

    public int count() {
        return sorted.length;
    }
}
