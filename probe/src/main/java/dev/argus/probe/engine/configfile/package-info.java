/** Engine configuration files shared by the declarative adapters: strict YAML reading, placeholders, validation. */
package dev.argus.probe.engine.configfile;
