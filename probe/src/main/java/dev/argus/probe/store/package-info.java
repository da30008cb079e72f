/** The FTP file store client the probe downloads job files from. */
package dev.argus.probe.store;
