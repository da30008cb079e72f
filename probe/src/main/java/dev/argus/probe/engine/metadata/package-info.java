/** The metadata engine: hashes, entropy, mime type, and PE/ELF structure of every file; never a verdict. */
package dev.argus.probe.engine.metadata;
