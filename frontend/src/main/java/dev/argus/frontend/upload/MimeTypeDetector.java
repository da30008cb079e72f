package dev.argus.frontend.upload;

import java.io.BufferedInputStream;
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

    private final Tika tika = new Tika();

    String detect(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return tika.detect(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read spooled upload " + file, e);
        }
    }
}
