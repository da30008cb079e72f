package dev.argus.probe.engine.icap;

import dev.argus.probe.engine.icap.IcapResponse.BodySummary;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * What is sent to the ICAP server as the body of an HTTP response: a file to scan, or the in-memory EICAR string
 * of the self-test.
 *
 * @param name   shown to the server in the HTTP URL
 * @param size   the length in bytes
 * @param opener opens the bytes from the start, once per call
 */
record ScanContent(String name, long size, Opener opener) {

    /** Opens the content. */
    @FunctionalInterface
    interface Opener {
        InputStream open() throws IOException;
    }

    static ScanContent of(Path file) throws IOException {
        return new ScanContent(file.getFileName().toString(), Files.size(file), () -> Files.newInputStream(file));
    }

    static ScanContent of(String name, byte[] bytes) {
        return new ScanContent(name, bytes.length, () -> new ByteArrayInputStream(bytes));
    }

    InputStream open() throws IOException {
        return opener.open();
    }

    /**
     * Length and SHA-256 of the content, to compare with a body the server sent back.
     *
     * @throws UncheckedIOException when the content cannot be read
     */
    BodySummary summary() {
        MessageDigest sha256 = IcapResponseReader.sha256();
        long length = 0;
        try (InputStream in = open()) {
            byte[] buffer = new byte[64 * 1024];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                sha256.update(buffer, 0, read);
                length += read;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
        return new BodySummary(length, sha256.digest());
    }
}
