/** Scan requests and cancellations: mime filter, offline probes, cache hits and the fan-out into jobs. */
package dev.argus.brain.dispatch;
