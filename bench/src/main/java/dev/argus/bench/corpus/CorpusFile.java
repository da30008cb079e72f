package dev.argus.bench.corpus;

import java.nio.file.Path;

/** One generated file: where it is, its size on disk and what it holds. */
public record CorpusFile(Path path, long size, ContentKind kind) {
}
