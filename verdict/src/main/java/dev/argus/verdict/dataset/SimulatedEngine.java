package dev.argus.verdict.dataset;

/**
 * How a simulated engine behaves.
 *
 * @param name              its name
 * @param detectionRate     chance it answers {@code malicious} for a malicious file (a near miss is {@code suspicious})
 * @param falsePositiveRate chance it answers {@code malicious} for a clean file
 * @param failureRate       chance it fails or times out instead of answering (half each)
 * @param group             engines of one group share most of their randomness (correlated); null for none
 * @param badUpdateRate     chance it flags a clean document, as after a bad signature update
 * @param notRunRate        chance it was not run on the file at all (e.g. added to the deployment later)
 */
public record SimulatedEngine(String name, double detectionRate, double falsePositiveRate, double failureRate,
                              String group, double badUpdateRate, double notRunRate) {

    /** An independent engine that always runs and has no bad update. */
    public static SimulatedEngine plain(String name, double detectionRate, double falsePositiveRate,
                                        double failureRate) {
        return new SimulatedEngine(name, detectionRate, falsePositiveRate, failureRate, null, 0, 0);
    }
}
