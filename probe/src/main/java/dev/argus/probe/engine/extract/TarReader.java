package dev.argus.probe.engine.extract;

import dev.argus.probe.spi.EngineException;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads a tar stream (ustar, GNU, pax) with Apache Commons Compress: each regular file is a member; directories,
 * links, devices and FIFOs are skipped. Shared by the tar, compressed-tar and rar readers.
 */
final class TarReader {

    private TarReader() {
    }

    /** Reads every entry of the stream; the caller closes it. */
    static void read(InputStream stream, ContainerSession session, MemberSink sink)
            throws IOException, LimitExceededException, EngineException, InterruptedException {
        TarArchiveInputStream tar = new TarArchiveInputStream(stream);
        TarArchiveEntry entry;
        while ((entry = tar.getNextEntry()) != null) {
            session.check();
            if (!entry.isFile() || entry.isLink() || entry.isSymbolicLink()) {
                continue;
            }
            session.startMember();
            sink.member(entry.getName(), tar);
        }
    }
}
