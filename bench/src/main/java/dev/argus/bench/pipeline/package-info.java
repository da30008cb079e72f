/** The whole pipeline through the REST API: uploads, waits for final results, measures throughput and latency. */
package dev.argus.bench.pipeline;
