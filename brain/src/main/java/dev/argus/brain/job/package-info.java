/** Jobs and their results: idempotent result handling, bounded retries, the deadline sweeper and the result cache. */
package dev.argus.brain.job;
