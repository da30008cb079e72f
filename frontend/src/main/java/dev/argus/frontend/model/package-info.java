/** Verdict models: training on the labelled files, versions in PostgreSQL, the cached current model. */
package dev.argus.frontend.model;
