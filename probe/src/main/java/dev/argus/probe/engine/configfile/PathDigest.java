package dev.argus.probe.engine.configfile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A signature version for an engine that cannot tell its own: {@code local:<12 hex>}, a SHA-256 over the relative
 * path, size and modification time of every regular file under a file or directory (4 levels deep). It changes
 * whenever a signature file is added, removed or rewritten, which is what the brain's result cache needs, without
 * reading gigabytes of signatures on every heartbeat.
 */
public final class PathDigest {

    private static final int MAX_DEPTH = 4;

    private PathDigest() {
    }

    /** The digest, or null when the path is missing or holds no regular file. */
    public static String of(Path root) throws IOException {
        if (!Files.exists(root)) {
            return null;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root, MAX_DEPTH)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        if (files.isEmpty()) {
            return null;
        }
        MessageDigest sha256 = sha256();
        for (Path file : files) {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            String relative = root.equals(file) ? file.getFileName().toString() : root.relativize(file).toString();
            sha256.update((relative + "\t" + attributes.size() + "\t" + attributes.lastModifiedTime().toMillis()
                    + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return "local:" + HexFormat.of().formatHex(sha256.digest()).substring(0, 12);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
