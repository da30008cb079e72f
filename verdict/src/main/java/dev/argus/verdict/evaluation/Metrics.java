package dev.argus.verdict.evaluation;

/**
 * Classification quality with malicious as the positive class.
 *
 * @param accuracy  share of files judged right
 * @param precision share of files judged malicious that are malicious (0 when none were judged malicious)
 * @param recall    share of malicious files judged malicious
 * @param f1        harmonic mean of precision and recall
 */
public record Metrics(double accuracy, double precision, double recall, double f1) {

    /** The metrics of a confusion matrix. */
    public static Metrics of(int truePositives, int falsePositives, int trueNegatives, int falseNegatives) {
        int total = truePositives + falsePositives + trueNegatives + falseNegatives;
        double accuracy = total == 0 ? 0 : (truePositives + trueNegatives) / (double) total;
        double precision = ratio(truePositives, truePositives + falsePositives);
        double recall = ratio(truePositives, truePositives + falseNegatives);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new Metrics(accuracy, precision, recall, f1);
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 0 : part / (double) whole;
    }
}
