package dev.argus.frontend.download;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import net.lingala.zip4j.io.outputstream.ZipOutputStream;
import net.lingala.zip4j.model.ZipParameters;
import net.lingala.zip4j.model.enums.AesKeyStrength;
import net.lingala.zip4j.model.enums.CompressionMethod;
import net.lingala.zip4j.model.enums.EncryptionMethod;

/**
 * Writes one file as an AES-256 encrypted zip (zip4j), streaming: nothing is held in memory beyond a buffer. The
 * password is the malware community's usual {@value #PASSWORD}, which keeps virus scanners and mail filters on
 * the way from acting on the sample, not a secret.
 */
final class EncryptedZip {

    /** The conventional password of malware sample archives. */
    static final String PASSWORD = "infected";

    private EncryptedZip() {
    }

    /** Writes a zip with a single entry of the given name holding the content. */
    static void write(String entryName, InputStream content, OutputStream target) throws IOException {
        ZipParameters parameters = new ZipParameters();
        parameters.setFileNameInZip(entryName);
        parameters.setCompressionMethod(CompressionMethod.DEFLATE);
        parameters.setEncryptFiles(true);
        parameters.setEncryptionMethod(EncryptionMethod.AES);
        parameters.setAesKeyStrength(AesKeyStrength.KEY_STRENGTH_256);
        try (ZipOutputStream zip = new ZipOutputStream(new NonClosing(target), PASSWORD.toCharArray())) {
            zip.putNextEntry(parameters);
            content.transferTo(zip);
            zip.closeEntry();
        }
    }

    /** Keeps the servlet's stream open for the container to finish. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
