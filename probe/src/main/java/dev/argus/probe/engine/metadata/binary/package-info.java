/** Bounded, defensive reading of untrusted binary files: positional reads, C strings, byte histograms, entropy. */
package dev.argus.probe.engine.metadata.binary;
