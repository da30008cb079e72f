package dev.argus.bench.corpus;

/** What a corpus file holds; archives make clamd unpack, EICAR makes it report a hit. */
public enum ContentKind {
    TEXT, BINARY, EICAR, ZIP, TAR_GZ
}
