/** Command-line antivirus engines described by configuration files, one engine per file in argus.probe.cli.config-dir. */
package dev.argus.probe.engine.cli;
