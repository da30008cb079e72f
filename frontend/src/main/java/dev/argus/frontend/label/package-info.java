/** Ground-truth labels per file (malicious or benign), set one by one or imported from CSV, with history. */
package dev.argus.frontend.label;
