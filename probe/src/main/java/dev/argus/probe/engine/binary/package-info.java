/**
 * Bounded, defensive reading of untrusted binary files, shared by the metadata and executable engines: positional
 * reads, C strings, flag names, byte histograms, entropy.
 */
package dev.argus.probe.engine.binary;
