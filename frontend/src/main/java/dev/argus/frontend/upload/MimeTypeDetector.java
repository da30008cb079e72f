package dev.argus.frontend.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.tika.Tika;
import org.springframework.stereotype.Component;

/**
 * Detects a file's mime type from its content only (Apache Tika core, magic bytes and text detection), never
 * from the client's content type or file name.
 */
@Component
class MimeTypeDetector {

    /** How much of a file is read: as much as Tika's magic-byte detection looks at ({@code MimeTypes.getMinLength()}). */
    static final int HEAD = 64 * 1024;

    private final Tika tika = new Tika();

    String detect(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return tika.detect(in.readNBytes(HEAD));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read spooled upload " + file, e);
        }
    }
}
