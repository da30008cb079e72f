/** Job consumption: one queue and listener container per engine, fetch, timed scan, confirmed result, cleanup. */
package dev.argus.probe.job;
