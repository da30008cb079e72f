package dev.argus.probe.engine.extract;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The container formats the engine opens, by the mime types Apache Tika 3 detects for them from content. */
enum ContainerFormat {
    ZIP("zip", Set.of("application/zip", "application/x-zip-compressed")),
    SEVEN_Z("7z", Set.of("application/x-7z-compressed")),
    TAR("tar", Set.of("application/x-tar", "application/x-gtar", "application/x-ustar")),
    GZIP("gzip", Set.of("application/gzip", "application/x-gzip")),
    BZIP2("bzip2", Set.of("application/x-bzip2", "application/x-bzip")),
    XZ("xz", Set.of("application/x-xz")),
    RAR("rar", Set.of("application/x-rar-compressed", "application/x-rar", "application/vnd.rar"));

    /**
     * The engine's mime filter: every type above, with or without parameters (Tika says
     * {@code application/x-rar-compressed; version=5}).
     */
    static final String MIME_FILTER = "^application/(zip|x-zip-compressed|x-7z-compressed|x-tar|x-gtar|x-ustar"
            + "|gzip|x-gzip|x-bzip2?|x-xz|x-rar-compressed|x-rar|vnd\\.rar)\\s*(;.*)?$";

    private final String label;
    private final Set<String> mimeTypes;

    ContainerFormat(String label, Set<String> mimeTypes) {
        this.label = label;
        this.mimeTypes = mimeTypes;
    }

    /** A short name for details, e.g. {@code 7z}. */
    String label() {
        return label;
    }

    /** The format of a detected mime type (parameters ignored), or empty for anything that is not a container. */
    static Optional<ContainerFormat> of(String mimeType) {
        if (mimeType == null) {
            return Optional.empty();
        }
        int semicolon = mimeType.indexOf(';');
        String base = (semicolon < 0 ? mimeType : mimeType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
        for (ContainerFormat format : values()) {
            if (format.mimeTypes.contains(base)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
