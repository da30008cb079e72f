/** Command-line antivirus engines described by configuration files, one per file in argus.probe.cli.config-dir. */
package dev.argus.probe.engine.cli;
