package dev.argus.probe.engine.metadata;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.tika.Tika;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeType;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;

/**
 * Detects a file's mime type from its content only (Apache Tika core's magic database, as the frontend does: the
 * probe's temp file name means nothing) and finds Tika's human description of it. Thread-safe. Public for the
 * {@code extract} engine, which detects the type of every member it extracts the same way.
 */
public final class MimeDetector {

    /** What Tika says about a file: its mime type, and Tika's description of it or null. */
    public record Detected(String mimeType, String description) {
    }

    private final Tika tika = new Tika();
    private final MimeTypes types = MimeTypes.getDefaultMimeTypes();

    /** The type of a file from its first bytes (the content only, never the name). */
    public Detected detect(Path file) throws IOException {
        String type;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            type = tika.detect(in);
        }
        return new Detected(type, description(type));
    }

    /** The type of some bytes, e.g. a known header. */
    public String detect(byte[] bytes) {
        return tika.detect(bytes);
    }

    /**
     * Tika's description of the type or, when it has none, of its nearest super-type that has one (e.g. the type
     * without parameters); null when none has (Tika 3.3 has none for PE and ELF types).
     */
    String description(String type) {
        MediaTypeRegistry registry = types.getMediaTypeRegistry();
        MediaType current = MediaType.parse(type);
        while (current != null && !current.equals(MediaType.OCTET_STREAM)) {
            try {
                MimeType known = types.forName(current.toString());
                if (known.getDescription() != null && !known.getDescription().isBlank()) {
                    return known.getDescription();
                }
            } catch (MimeTypeException e) {
                return null;
            }
            current = registry.getSupertype(current);
        }
        return null;
    }

    /** The tika-core version on the class path, e.g. {@code 3.3.2}. */
    public static String tikaVersion() {
        String version = Tika.class.getPackage().getImplementationVersion();
        return version != null ? version : Tika.getString().replaceFirst("^Apache Tika ", "");
    }
}
