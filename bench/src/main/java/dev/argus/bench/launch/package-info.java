/** Where the pipeline runs: Argus processes the benchmark starts (three jars or the standalone jar) or ones already running. */
package dev.argus.bench.launch;
