/** The catalogue of known files (by sha256, with md5, sha1, names) and hash parsing. */
package dev.argus.frontend.catalog;
