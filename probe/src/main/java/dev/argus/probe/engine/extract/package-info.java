/**
 * The {@code extract} engine: opens archives (zip, 7z, tar, gzip, bzip2, xz, rar) and the archives inside them within
 * one job, under limits enforced while streaming, and stores every member on the file store so that the brain sends
 * it to the scan's other engines. See docs/engines/extract.md.
 */
package dev.argus.probe.engine.extract;
