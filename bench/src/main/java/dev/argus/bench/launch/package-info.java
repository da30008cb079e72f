/** Where the pipeline runs: Argus started by the benchmark (three jars or the standalone jar) or already running. */
package dev.argus.bench.launch;
