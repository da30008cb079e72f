/**
 * Overrides: an admin allow-lists or block-lists a file (sha256), or marks an (engine, threat) pair as a false
 * positive. They are applied whenever a verdict is computed ({@link dev.argus.frontend.verdict.Verdicts}), so they
 * change every scan, present and future, and the verdict names who set them and why. See docs/verdict.md.
 */
package dev.argus.frontend.override;
