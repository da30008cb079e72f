/** Learned verdicts: ID3 trees over engines' categories, their evaluation and a simulated-engine dataset. */
package dev.argus.verdict;
