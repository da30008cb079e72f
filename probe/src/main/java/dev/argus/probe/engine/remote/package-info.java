/** HTTP scanning services described by configuration files, one per file in argus.probe.remote.config-dir. */
package dev.argus.probe.engine.remote;
