/** The shared file store: files kept once, by sha256, on an FTP server, with pooled connections. */
package dev.argus.common.store;
