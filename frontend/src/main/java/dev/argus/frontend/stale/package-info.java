/**
 * The optional rescan of files whose stored results went stale (docs/operations.md#stale-result-rescan): bulk work,
 * throttled, off by default.
 */
package dev.argus.frontend.stale;
