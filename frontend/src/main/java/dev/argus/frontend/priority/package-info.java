/**
 * Priorities and backpressure (docs/architecture.md#priorities): which scans are interactive and which bulk, and the
 * bound on an engine's backlog past which bulk submissions are refused with 503.
 */
package dev.argus.frontend.priority;
