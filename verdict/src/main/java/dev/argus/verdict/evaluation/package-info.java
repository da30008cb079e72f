/** k-fold cross-validation of the verdict tree next to simple vote baselines and a library's tree. */
package dev.argus.verdict.evaluation;
