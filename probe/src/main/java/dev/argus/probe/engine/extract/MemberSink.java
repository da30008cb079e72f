package dev.argus.probe.engine.extract;

import dev.argus.probe.spi.EngineException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Where a container reader hands each member it finds. The name is data: it is cleaned and listed, never used to
 * build a path. The content is read to its end (or until a limit stops it) before the call returns.
 */
interface MemberSink {

    /**
     * Takes one member.
     *
     * @param name    the member's name as the container gives it
     * @param content its bytes; the sink does not close it
     * @throws IOException             only when reading {@code content} failed (a damaged or wrongly decrypted
     *                                 member): nothing of the member is kept
     * @throws LimitExceededException  when a limit was crossed while reading it: nothing of the member is kept
     * @throws EngineException         when the engine itself failed (work directory, file store)
     * @throws InterruptedException    when the job was interrupted
     */
    void member(String name, InputStream content)
            throws IOException, LimitExceededException, EngineException, InterruptedException;
}
