/** Training a verdict model: the tree, the engines' ranking and the cross-validated comparison, in one step. */
package dev.argus.verdict.model;
