/** Seeded corpora of unique files (tiny and mixed profiles) written to a directory. */
package dev.argus.bench.corpus;
