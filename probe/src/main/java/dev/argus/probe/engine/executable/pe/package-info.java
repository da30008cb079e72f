/** A small, defensive reader of Windows PE files: headers, sections with entropy, imports and exports. */
package dev.argus.probe.engine.executable.pe;
