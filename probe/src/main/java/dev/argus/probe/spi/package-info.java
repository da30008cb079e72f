/** The engine plugin contract: what an engine declares, how it scans a file, and how it reports failure. */
package dev.argus.probe.spi;
