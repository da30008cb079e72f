package dev.argus.frontend.scan;

/**
 * How many (file, probe) results a scan expects and how many are in.
 *
 * @param total distinct files x probes
 * @param done  results received
 */
public record Progress(int total, int done) {
}
