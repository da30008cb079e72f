/** The standalone mode: all of Argus in one JVM with embedded services, for a single machine. */
package dev.argus.standalone;
