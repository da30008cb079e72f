/** Figures: percentiles, the processes' own stage timings, and the JSON and markdown results. */
package dev.argus.bench.report;
