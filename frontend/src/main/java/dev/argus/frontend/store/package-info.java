/** The FTP file store connection (files by sha256) and its settings. */
package dev.argus.frontend.store;
