/** Scans: records, results and progress, the scan API, and the brain's events that drive them. */
package dev.argus.frontend.scan;
