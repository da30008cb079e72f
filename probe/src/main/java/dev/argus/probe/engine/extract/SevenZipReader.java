package dev.argus.probe.engine.extract;

import dev.argus.probe.spi.EngineException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.commons.compress.PasswordRequiredException;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZFile;

/**
 * 7z with Apache Commons Compress, AES included (encrypted headers too). The archive is first read without a
 * password; when Commons Compress says one is needed, each password is tried in turn on the whole archive. A
 * password is wrong when the archive or its first member cannot be read with it (with a wrong key the header does
 * not parse, or the member's CRC does not match), and the next one is tried; members already taken are not listed
 * twice. The memory the decoders may use is bounded ({@link #MEMORY_LIMIT_KIB}).
 */
final class SevenZipReader implements ContainerReader {

    /** The most memory Commons Compress may use to decode one archive (LZMA dictionaries): 256 MiB. */
    static final int MEMORY_LIMIT_KIB = 256 * 1024;

    @Override
    public void read(Path file, String name, ContainerSession session, MemberSink sink, Passwords passwords)
            throws IOException, LimitExceededException, EngineException, InterruptedException {
        try {
            readWith(file, null, session, sink);
            return;
        } catch (PasswordRequiredException e) {
            // encrypted: the passwords are tried below
        }
        for (String password : passwords.inTryOrder()) {
            session.restart();
            try {
                readWith(file, password, session, sink);
                passwords.opened(password);
                return;
            } catch (IOException e) {
                if (session.members() > 0) {
                    throw e;
                }
            }
        }
        session.encrypted(passwords.noneOpened("it"));
    }

    private static void readWith(Path file, String password, ContainerSession session, MemberSink sink)
            throws IOException, LimitExceededException, EngineException, InterruptedException {
        char[] secret = password == null ? null : password.toCharArray();
        SevenZFile.Builder builder = SevenZFile.builder().setPath(file).setMaxMemoryLimitKiB(MEMORY_LIMIT_KIB)
                .setUseDefaultNameForUnnamedEntries(true).setTryToRecoverBrokenArchives(false);
        if (secret != null) {
            builder.setPassword(secret);
        }
        try (SevenZFile archive = builder.get()) {
            SevenZArchiveEntry entry;
            while ((entry = archive.getNextEntry()) != null) {
                if (entry.isDirectory() || entry.isAntiItem() || !entry.hasStream()) {
                    continue;
                }
                session.startMember();
                sink.member(entry.getName(), new CurrentEntry(archive));
            }
        } finally {
            if (secret != null) {
                Arrays.fill(secret, '\0');
            }
        }
    }

    /** The current entry's bytes, as Commons Compress gives them for a sequential read. */
    private static final class CurrentEntry extends InputStream {

        private final SevenZFile archive;

        CurrentEntry(SevenZFile archive) {
            this.archive = archive;
        }

        @Override
        public int read() throws IOException {
            return archive.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return archive.read(buffer, offset, length);
        }
    }
}
