/** The metadata engine: hashes, entropy and mime type of every file; never a verdict. */
package dev.argus.probe.engine.metadata;
