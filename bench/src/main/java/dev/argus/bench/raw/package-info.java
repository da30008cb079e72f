/** The baseline: the corpus streamed straight to clamd with INSTREAM, by the probe's own ClamAV engine class. */
package dev.argus.bench.raw;
