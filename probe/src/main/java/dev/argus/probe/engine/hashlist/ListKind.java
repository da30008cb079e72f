package dev.argus.probe.engine.hashlist;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a list names bad or good files, told by its file name: {@code <label>.bad.txt} and
 * {@code <label>.bad.csv} are known-bad, {@code <label>.good.txt}, {@code <label>.good.csv} and NSRL's own
 * {@code NSRLFile.txt} known-good (any case). Other files in the directory are not lists.
 */
enum ListKind {
    BAD("bad"),
    GOOD("good");

    private final String id;

    ListKind(String id) {
        this.id = id;
    }

    /** The lower-case name used in results. */
    String id() {
        return id;
    }

    static Optional<ListKind> of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.startsWith(".")) {
            return Optional.empty();
        }
        if (name.endsWith(".bad.txt") || name.endsWith(".bad.csv")) {
            return Optional.of(BAD);
        }
        if (name.endsWith(".good.txt") || name.endsWith(".good.csv") || name.equals("nsrlfile.txt")) {
            return Optional.of(GOOD);
        }
        return Optional.empty();
    }

    static boolean isList(Path file) {
        return of(file).isPresent();
    }

    /** The default label: the file name without {@code .bad.txt} etc., e.g. {@code eicar} for eicar.bad.txt. */
    static String defaultLabel(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        for (String suffix : new String[] {".bad.txt", ".bad.csv", ".good.txt", ".good.csv", ".txt"}) {
            if (lower.endsWith(suffix) && lower.length() > suffix.length()) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }
}
