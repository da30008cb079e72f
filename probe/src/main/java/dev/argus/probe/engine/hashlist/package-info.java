/** The hash list engine: known-bad and known-good md5/sha1/sha256 lists (plain or NSRL CSV) held in sorted arrays. */
package dev.argus.probe.engine.hashlist;
