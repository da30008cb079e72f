package dev.argus.probe.engine.clamav;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A signature version for a clamd that does not report one (only custom signatures loaded): a digest of the
 * signature files' names, sizes and modification times, {@code local:<12 hex>}. It changes whenever a signature
 * file is added, removed or rewritten, which is what the brain's result cache needs.
 */
final class SignatureDirectoryDigest {

    private static final Logger log = LoggerFactory.getLogger(SignatureDirectoryDigest.class);

    /** ClamAV database extensions (signatures, allow lists, containers) and YARA rules. */
    static final Set<String> EXTENSIONS = Set.of("hdb", "hsb", "hdu", "hsu", "mdb", "msb", "mdu", "msu", "ndb",
            "ndu", "ldb", "ldu", "cdb", "idb", "ftm", "fp", "sfp", "ign", "ign2", "pdb", "gdb", "wdb", "cbc", "crb",
            "cvd", "cld", "cud", "yar", "yara");

    private SignatureDirectoryDigest() {
    }

    /** The digest, or null when the directory is missing, unreadable or holds no signature file. */
    static String of(Path directory) {
        if (directory == null || !Files.isDirectory(directory)) {
            return null;
        }
        try (Stream<Path> entries = Files.list(directory)) {
            List<Path> files = entries.filter(SignatureDirectoryDigest::isSignatureFile).sorted().toList();
            if (files.isEmpty()) {
                return null;
            }
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (Path file : files) {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                String line = file.getFileName() + "\t" + attributes.size() + "\t"
                        + attributes.lastModifiedTime().toMillis() + "\n";
                sha256.update(line.getBytes(StandardCharsets.UTF_8));
            }
            return "local:" + HexFormat.of().formatHex(sha256.digest()).substring(0, 12);
        } catch (IOException e) {
            log.debug("cannot digest signature directory {}: {}", directory, e.toString());
            return null;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static boolean isSignatureFile(Path path) {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && Files.isRegularFile(path)
                && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
