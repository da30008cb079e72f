package dev.argus.probe.engine.extract;

import dev.argus.probe.spi.EngineException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A member's bytes copied to a temp file of the job's work directory, hashed on the way, every chunk counted
 * against the limits before it is written.
 *
 * @param file   the temp file; the caller deletes it
 * @param size   bytes
 * @param md5    lower-case hex
 * @param sha1   lower-case hex
 * @param sha256 lower-case hex
 */
record MemberFile(Path file, long size, String md5, String sha1, String sha256) {

    private static final int CHUNK = 64 * 1024;

    /**
     * Copies the content into a new temp file.
     *
     * @throws IOException            when reading the content failed; no file is left
     * @throws LimitExceededException when a limit was crossed; no file is left
     * @throws EngineException        when the work directory failed
     */
    static MemberFile copy(InputStream content, WorkDirectory work, ContainerSession session)
            throws IOException, LimitExceededException, EngineException, InterruptedException {
        session.memberBytesStart();
        Path file = newFile(work);
        OutputStream out = null;
        boolean kept = false;
        try {
            out = open(file);
            MessageDigest md5 = digest("MD5");
            MessageDigest sha1 = digest("SHA-1");
            MessageDigest sha256 = digest("SHA-256");
            byte[] buffer = new byte[CHUNK];
            long size = 0;
            int read;
            while ((read = content.read(buffer)) >= 0) {
                if (read == 0) {
                    session.check();
                    continue;
                }
                session.bytes(read);
                write(out, buffer, read);
                md5.update(buffer, 0, read);
                sha1.update(buffer, 0, read);
                sha256.update(buffer, 0, read);
                size += read;
            }
            close(out);
            out = null;
            HexFormat hex = HexFormat.of();
            kept = true;
            return new MemberFile(file, size, hex.formatHex(md5.digest()), hex.formatHex(sha1.digest()),
                    hex.formatHex(sha256.digest()));
        } finally {
            if (!kept) {
                discard(out, file);
            }
        }
    }

    private static Path newFile(WorkDirectory work) throws EngineException {
        try {
            return work.newFile();
        } catch (IOException e) {
            throw new EngineException("cannot create a temp file in the extraction work directory: " + e, e);
        }
    }

    private static OutputStream open(Path file) throws EngineException {
        try {
            return Files.newOutputStream(file);
        } catch (IOException e) {
            throw new EngineException("cannot write to the extraction work directory: " + e, e);
        }
    }

    private static void close(OutputStream out) throws EngineException {
        try {
            out.close();
        } catch (IOException e) {
            throw new EngineException("cannot write to the extraction work directory: " + e, e);
        }
    }

    /** Drops a member that was not read to its end; the work directory is deleted at the end of the job anyway. */
    private static void discard(OutputStream out, Path file) {
        try {
            if (out != null) {
                out.close();
            }
        } catch (IOException ignored) {
            // the file is deleted anyway
        }
        WorkDirectory.deleteQuietly(file);
    }

    private static void write(OutputStream out, byte[] buffer, int length) throws EngineException {
        try {
            out.write(buffer, 0, length);
        } catch (IOException e) {
            throw new EngineException("cannot write to the extraction work directory: " + e, e);
        }
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }
}
