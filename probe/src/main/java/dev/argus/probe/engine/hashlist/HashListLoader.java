package dev.argus.probe.engine.hashlist;

import dev.argus.probe.engine.support.ReloadingDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads every list file of the directory ({@link ListKind} says which files are lists) into {@link HashLists}, and
 * makes its version from the files' names and contents, so the same lists give the same version on every probe.
 */
final class HashListLoader implements ReloadingDirectory.Loader<HashLists> {

    private static final Logger log = LoggerFactory.getLogger(HashListLoader.class);

    private final Path directory;

    HashListLoader(Path directory) {
        this.directory = directory;
    }

    @Override
    public HashLists load(List<Path> files) throws IOException {
        if (files.isEmpty()) {
            throw new IOException("no hash lists (*.bad.txt, *.bad.csv, *.good.txt, *.good.csv, NSRLFile.txt) in "
                    + directory);
        }
        MessageDigest version = sha256();
        List<HashList> lists = new ArrayList<>();
        for (Path file : files) {
            ListKind kind = ListKind.of(file).orElseThrow();
            version.update((file.getFileName() + "\0" + kind.id() + "\0").getBytes(StandardCharsets.UTF_8));
            HashList list = HashListReader.read(file, kind, version);
            if (list.skippedLines() > 0) {
                log.warn("hash list {}: skipped {} line(s) that hold no md5, sha1 or sha256, the first at line {}",
                        file, list.skippedLines(), list.firstSkipped());
            }
            lists.add(list);
        }
        return new HashLists(lists, "lists:" + HexFormat.of().formatHex(version.digest()).substring(0, 12));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
