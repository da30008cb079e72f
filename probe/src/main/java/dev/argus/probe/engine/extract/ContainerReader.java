package dev.argus.probe.engine.extract;

import dev.argus.probe.spi.EngineException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads one container format with a library (or libarchive's bsdtar for rar) and hands every regular file in it to
 * a {@link MemberSink}, in the container's order; directories, links and devices are skipped. Readers never write a
 * file and never build a path from a member name. Stateless and thread-safe.
 */
interface ContainerReader {

    /**
     * Reads the container.
     *
     * @param file      the container, a local file
     * @param name      its name in its parent (cleaned), or null for the scanned file: names the content of a
     *                  single compressed stream
     * @param session   its bookkeeping: limits, and what did not stop the extraction (encrypted or damaged members)
     * @param sink      where members go
     * @param passwords tried on encrypted content
     * @throws IOException                    when the container is damaged or malformed
     * @throws UnsupportedContainerException  when this probe cannot read it (the message says why)
     * @throws LimitExceededException         when a limit stopped it
     * @throws EngineException                when the engine failed (passed on from the sink)
     */
    void read(Path file, String name, ContainerSession session, MemberSink sink, Passwords passwords)
            throws IOException, UnsupportedContainerException, LimitExceededException, EngineException,
            InterruptedException;
}
