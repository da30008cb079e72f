package dev.argus.probe.engine.extract;

import dev.argus.probe.spi.EngineException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import net.lingala.zip4j.ZipFile;
import net.lingala.zip4j.exception.ZipException;
import net.lingala.zip4j.io.inputstream.ZipInputStream;
import net.lingala.zip4j.model.FileHeader;

/**
 * Zip, plain, ZipCrypto and AES, with zip4j, from the central directory. Entries whose data overlap (the
 * overlapping-entry bomb) stop the container before anything is read. Each encrypted entry is tried with every
 * password (the last one that worked first); a wrong password is what zip4j reports as such, or a checksum that does
 * not match once the entry is decrypted. An entry no password opens, or one that cannot be read, is skipped and
 * the others are read; the container is then {@code encrypted} or {@code failed}.
 */
final class ZipReader implements ContainerReader {

    /** The fixed part of a local file header: no entry's data can start closer than this to the previous one. */
    private static final int LOCAL_HEADER = 30;

    @Override
    public void read(Path file, String name, ContainerSession session, MemberSink sink, Passwords passwords)
            throws IOException, LimitExceededException, EngineException, InterruptedException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            List<FileHeader> headers = zip.getFileHeaders();
            checkOverlaps(headers);
            int locked = 0;
            for (FileHeader header : headers) {
                if (header.isDirectory()) {
                    continue;
                }
                session.startMember();
                if (!header.isEncrypted()) {
                    readPlain(zip, header, session, sink);
                } else if (!readEncrypted(zip, header, session, sink, passwords)) {
                    locked++;
                }
            }
            if (locked > 0) {
                session.encrypted(passwords.noneOpened(locked == 1 ? "its encrypted member"
                        : locked + " of its encrypted members"));
            }
        }
    }

    private static void readPlain(ZipFile zip, FileHeader header, ContainerSession session, MemberSink sink)
            throws LimitExceededException, EngineException, InterruptedException {
        zip.setPassword(null);
        try (ZipInputStream in = zip.getInputStream(header)) {
            sink.member(header.getFileName(), in);
        } catch (IOException e) {
            session.failed("cannot read a zip entry: " + Messages.of(e));
        }
    }

    /** False when no password opened the entry. */
    private static boolean readEncrypted(ZipFile zip, FileHeader header, ContainerSession session, MemberSink sink,
                                         Passwords passwords)
            throws LimitExceededException, EngineException, InterruptedException {
        for (String password : passwords.inTryOrder()) {
            char[] secret = password.toCharArray();
            zip.setPassword(secret);
            try (ZipInputStream in = zip.getInputStream(header)) {
                sink.member(header.getFileName(), in);
                passwords.opened(password);
                return true;
            } catch (ZipException e) {
                if (!wrongPassword(e)) {
                    session.failed("cannot read an encrypted zip entry: " + Messages.of(e));
                    return true;
                }
            } catch (IOException e) {
                session.failed("cannot read an encrypted zip entry: " + Messages.of(e));
                return true;
            } finally {
                zip.setPassword(null);
                Arrays.fill(secret, '\0');
            }
        }
        return false;
    }

    private static boolean wrongPassword(ZipException e) {
        return e.getType() == ZipException.Type.WRONG_PASSWORD || e.getType() == ZipException.Type.CHECKSUM_MISMATCH
                || String.valueOf(e.getMessage()).contains("verification failed");
    }

    /** Entries sorted by where their data start must not reach into the next one. */
    private static void checkOverlaps(List<FileHeader> headers) throws LimitExceededException {
        List<FileHeader> sorted = new ArrayList<>(headers);
        sorted.sort(Comparator.comparingLong(FileHeader::getOffsetLocalHeader));
        for (int i = 1; i < sorted.size(); i++) {
            FileHeader previous = sorted.get(i - 1);
            long smallestEnd = previous.getOffsetLocalHeader() + LOCAL_HEADER + Math.max(0,
                    previous.getCompressedSize());
            if (sorted.get(i).getOffsetLocalHeader() < smallestEnd) {
                throw new LimitExceededException("overlapping entries", false);
            }
        }
    }
}
