/** Resident memory and CPU time of processes, read from /proc (Linux). */
package dev.argus.bench.system;
