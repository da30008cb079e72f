/** The benchmark's entry point: options and the order of the measurements. */
package dev.argus.bench;
