package dev.argus.probe.engine.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * What the files of a directory look like from their metadata only: name, size, modification time (to the
 * nanosecond where the file system keeps it) and file key (inode), for the regular files a filter accepts. Two
 * fingerprints differ when a file is added, removed, rewritten or replaced by a rename; computing one costs a
 * directory listing and one {@code stat} per file, cheap enough to do every few seconds.
 *
 * @param files the accepted files, sorted by name
 */
public record DirectoryFingerprint(List<FileStamp> files) {

    public DirectoryFingerprint {
        files = List.copyOf(files);
    }

    /**
     * One file's metadata.
     *
     * @param path          the file
     * @param size          its size in bytes
     * @param modifiedNanos its modification time in nanoseconds since the epoch
     * @param fileKey       the file system's identity of the file (e.g. device and inode), or null where unknown
     */
    public record FileStamp(Path path, long size, long modifiedNanos, Object fileKey) {
    }

    /**
     * Fingerprints the regular files directly in {@code directory} (not in sub-directories) whose path
     * {@code accepts}.
     *
     * @throws IOException when the directory cannot be listed
     */
    public static DirectoryFingerprint of(Path directory, Predicate<Path> accepts) throws IOException {
        List<FileStamp> stamps = new ArrayList<>();
        for (Path file : matchingFiles(directory, accepts)) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                stamps.add(new FileStamp(file, attributes.size(),
                        attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS), attributes.fileKey()));
            } catch (java.nio.file.NoSuchFileException removedMeanwhile) {
                // listed, then deleted before the stat: the next fingerprint will not list it either
            }
        }
        return new DirectoryFingerprint(stamps);
    }

    /**
     * The regular files directly in {@code directory} whose path {@code accepts}, sorted by name.
     *
     * @throws IOException when the directory cannot be listed
     */
    public static List<Path> matchingFiles(Path directory, Predicate<Path> accepts) throws IOException {
        Objects.requireNonNull(directory, "directory");
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(path -> Files.isRegularFile(path) && accepts.test(path))
                    .sorted(Comparator.comparing(path -> path.getFileName().toString()))
                    .toList();
        }
    }

    /** The files' paths, sorted by name. */
    public List<Path> paths() {
        return files.stream().map(FileStamp::path).toList();
    }

    /** True when no file was accepted. */
    public boolean isEmpty() {
        return files.isEmpty();
    }
}
