/** The ID3 decision tree: training by information gain, classification with a smoothed confidence and a path. */
package dev.argus.verdict.tree;
