/** The ClamAV engine: scans files through a clamd daemon over TCP (INSTREAM), versions from clamd's VERSION. */
package dev.argus.probe.engine.clamav;
