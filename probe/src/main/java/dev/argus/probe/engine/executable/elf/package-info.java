/** A small, defensive reader of ELF files: header, sections and segments with entropy, DT_NEEDED, dynamic symbols. */
package dev.argus.probe.engine.executable.elf;
