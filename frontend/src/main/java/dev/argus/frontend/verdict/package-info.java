/** The verdict on a file from its engines' results: the current model's tree, or a threshold while none exists. */
package dev.argus.frontend.verdict;
