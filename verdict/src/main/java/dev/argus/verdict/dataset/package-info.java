/** A seeded generator of labelled files as simulated engines would answer them, for tests and the docs' table. */
package dev.argus.verdict.dataset;
