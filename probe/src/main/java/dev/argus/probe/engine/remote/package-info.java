/** Private HTTP scanning services described by configuration files, one engine per file in argus.probe.remote.config-dir. */
package dev.argus.probe.engine.remote;
