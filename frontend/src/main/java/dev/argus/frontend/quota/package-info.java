/** Per-user quotas: scans and bytes per day, concurrent scans and open event streams, answered with 429. */
package dev.argus.frontend.quota;
