/** Per-stage timings, logged at DEBUG for the benchmark's breakdown of where a file's time goes. */
package dev.argus.common.timing;
