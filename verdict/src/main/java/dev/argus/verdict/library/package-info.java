/** A second opinion from a maintained machine-learning library, trained and tested on the same folds. */
package dev.argus.verdict.library;
