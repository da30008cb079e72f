package dev.argus.standalone.bundled;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engines' own files under {@code <data>/engines/}: the project's test YARA rules ({@code yara/}), its test hash
 * lists ({@code hashlists/}) and the command-line engine configurations that run here ({@code cli/}, clamscan). Each
 * directory is filled from the jar only when it does not exist yet, so what an operator adds, edits or removes
 * there is kept across restarts and upgrades.
 */
public final class EngineFiles {

    /** The kinds of engine files, each a directory under {@code <data>/engines/} and in the jar. */
    public static final List<String> KINDS = List.of("yara", "hashlists", "cli");

    private static final Logger log = LoggerFactory.getLogger(EngineFiles.class);

    private EngineFiles() {
    }

    /** {@code <data>/engines/<kind>}. */
    public static Path directory(Path dataDir, String kind) {
        return dataDir.resolve("engines").resolve(kind);
    }

    /** Creates the directories missing under {@code <data>/engines/} with the files shipped in the jar. */
    public static void seed(Path dataDir) {
        for (String kind : KINDS) {
            Path directory = directory(dataDir, kind);
            if (Files.isDirectory(directory)) {
                continue;
            }
            try {
                List<String> copied = BundledFiles.copy("classpath*:dev/argus/standalone/engines/" + kind + "/*",
                        directory);
                log.info("engine files {} written to {}", copied, directory);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the engine files to " + directory, e);
            }
        }
    }
}
