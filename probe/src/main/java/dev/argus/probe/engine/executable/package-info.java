/** The executable engine: the structure of PE and ELF files (headers, sections, imports, symbols); never a verdict. */
package dev.argus.probe.engine.executable;
