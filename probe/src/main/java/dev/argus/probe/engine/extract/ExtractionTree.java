package dev.argus.probe.engine.extract;

import dev.argus.common.message.ExtractedFile;
import dev.argus.common.message.Extraction;
import dev.argus.common.message.ExtractionReport;
import dev.argus.common.message.ExtractionStatus;
import dev.argus.common.store.FileStore;
import dev.argus.common.store.FileStoreException;
import dev.argus.probe.engine.metadata.MimeDetector;
import dev.argus.probe.spi.EngineException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The extraction of one job's file: opens it, then depth-first every member that is itself a container, in this one
 * job. Each member is copied to a temp file (hashed and counted against the limits on the way), its type detected
 * from its content, stored on the file store under its sha256 unless already there, listed (parents before their
 * members), opened when it is a container, and deleted. A member whose sha256 was already listed, or is the scanned
 * file's, is counted but neither listed nor opened again: the tree is finite whatever the archives hold. Not
 * thread-safe: one instance per job.
 */
final class ExtractionTree {

    private final ExtractProperties limits;
    private final FileStore store;
    private final MimeDetector mime;
    private final ContainerReaders readers;
    private final WorkDirectory work;
    private final Passwords passwords;
    private final JobBudget budget;
    private final List<ExtractedFile> files = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();

    ExtractionTree(ExtractProperties limits, FileStore store, MimeDetector mime, ContainerReaders readers,
                   WorkDirectory work, Passwords passwords) {
        this.limits = limits;
        this.store = store;
        this.mime = mime;
        this.readers = readers;
        this.work = work;
        this.passwords = passwords;
        this.budget = new JobBudget(limits);
    }

    /** Extracts the scanned file, whose sha256 is {@code sha256}. */
    ExtractionReport extract(Path file, String sha256) throws EngineException, InterruptedException {
        seen.add(sha256);
        Extraction root = open(file, sha256, detect(file), 0, null);
        return new ExtractionReport(root, List.copyOf(files));
    }

    /** Opens a container found at {@code depth} (0 for the scanned file) and takes its members. */
    private Extraction open(Path file, String sha256, String mimeType, int depth, String name)
            throws EngineException, InterruptedException {
        Optional<ContainerFormat> format = ContainerFormat.of(mimeType);
        if (format.isEmpty()) {
            return new Extraction(ExtractionStatus.UNSUPPORTED, "not a container format this engine reads: "
                    + mimeType, 0);
        }
        if (depth + 1 > limits.maxDepth()) {
            return new Extraction(ExtractionStatus.LIMIT_EXCEEDED, "nesting depth over " + limits.maxDepth(), 0);
        }
        ContainerSession session = new ContainerSession(budget, limits, size(file));
        try {
            readers.of(format.get()).read(file, name, session, new Sink(session, sha256, depth + 1),
                    passwords);
            return session.finished();
        } catch (LimitExceededException e) {
            return session.stopped(ExtractionStatus.LIMIT_EXCEEDED, e.getMessage());
        } catch (UnsupportedContainerException e) {
            return session.stopped(ExtractionStatus.UNSUPPORTED, e.getMessage());
        } catch (IOException | RuntimeException e) {
            if (e instanceof ClosedByInterruptException || Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("extraction interrupted");
            }
            return session.stopped(ExtractionStatus.FAILED, "damaged or malformed " + format.get().label() + ": "
                    + Messages.of(e));
        }
    }

    private String detect(Path file) throws EngineException {
        try {
            return mime.detect(file).mimeType();
        } catch (IOException e) {
            throw new EngineException("cannot read a file in the extraction work directory: " + e, e);
        }
    }

    private static long size(Path file) throws EngineException {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new EngineException("cannot read a file in the extraction work directory: " + e, e);
        }
    }

    private void store(MemberFile member) throws EngineException {
        try {
            if (!store.exists(member.sha256())) {
                try (InputStream in = Files.newInputStream(member.file())) {
                    store.store(member.sha256(), in);
                }
            }
        } catch (IOException e) {
            throw new EngineException("cannot read a file in the extraction work directory: " + e, e);
        } catch (FileStoreException | UncheckedIOException e) {
            throw new EngineException("cannot store an extracted file: " + e.getMessage(), e);
        }
    }

    /** Takes the members of one container. */
    private final class Sink implements MemberSink {

        private final ContainerSession session;
        private final String parent;
        private final int depth;

        Sink(ContainerSession session, String parent, int depth) {
            this.session = session;
            this.parent = parent;
            this.depth = depth;
        }

        @Override
        public void member(String name, InputStream content)
                throws IOException, LimitExceededException, EngineException, InterruptedException {
            String path = MemberNames.clean(name);
            MemberFile member = MemberFile.copy(content, work, session);
            try {
                session.memberRead();
                if (seen.contains(member.sha256())) {
                    return;
                }
                budget.file();
                seen.add(member.sha256());
                String type = detect(member.file());
                store(member);
                int index = files.size();
                files.add(listed(member, type, path, null));
                if (ContainerFormat.of(type).isPresent()) {
                    Extraction extraction = open(member.file(), member.sha256(), type, depth, path);
                    files.set(index, listed(member, type, path, extraction));
                    session.nested(extraction, path);
                    session.check();
                }
            } finally {
                WorkDirectory.deleteQuietly(member.file());
            }
        }

        private ExtractedFile listed(MemberFile member, String type, String path, Extraction extraction) {
            return new ExtractedFile(member.sha256(), member.md5(), member.sha1(), member.size(), type, parent, path,
                    depth, extraction);
        }
    }
}
