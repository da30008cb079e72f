package dev.argus.probe.job;

import dev.argus.common.fs.PrivateDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This process's directory for downloaded job files: {@code <root>/<instance id>}, held by an OS file lock on
 * {@code .lock} for the life of the process. On opening, sibling directories whose lock is free belong to probes
 * that died (killed mid-job, their temp files never deleted) and are removed, and so are download copies
 * ({@value #DOWNLOAD_PREFIX}*{@value #DOWNLOAD_SUFFIX}, the file store's temp files) lying in the root itself; the
 * directory of a probe still running, which may share the root, is left alone. The root and the process's directory
 * are owner-only (0700) and must belong to the probe's account ({@link PrivateDirectory}). Thread-safe.
 */
public final class WorkDirectory implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WorkDirectory.class);
    private static final String LOCK_FILE = ".lock";
    /** How the file store names the copies it downloads ({@code FtpFileStore#fetch}). */
    static final String DOWNLOAD_PREFIX = "argus-";
    static final String DOWNLOAD_SUFFIX = ".bin";

    private final Path path;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private WorkDirectory(Path path, FileChannel lockChannel, FileLock lock) {
        this.path = path;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Creates and locks {@code root/instance}, after removing what dead probes left under {@code root}. */
    public static WorkDirectory open(Path root, String instance) {
        try {
            PrivateDirectory.prepare(root, "the work directory " + root);
            long removed = removeLeftovers(root);
            if (removed > 0) {
                log.info("work directory {}: removed {} file(s) left by probes that stopped mid-job", root, removed);
            }
            Path own = PrivateDirectory.prepare(root.resolve(instance), "the work directory of " + instance);
            FileChannel channel = FileChannel.open(own.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("work directory " + own + " is locked by another process");
            }
            return new WorkDirectory(own, channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the work directory under " + root
                    + " (set argus.probe.work-dir to a writable directory)", e);
        }
    }

    /** The directory job files go to. */
    public Path path() {
        return path;
    }

    @Override
    public void close() {
        try {
            lock.release();
            lockChannel.close();
            deleteTree(path);
        } catch (IOException e) {
            log.debug("could not remove work directory {}: {}", path, e.toString());
        }
    }

    private static long removeLeftovers(Path root) throws IOException {
        long removed = 0;
        try (DirectoryStream<Path> children = Files.newDirectoryStream(root)) {
            for (Path child : children) {
                if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS) && !isInUse(child)) {
                    removed += deleteTree(child);
                } else if (isDownloadCopy(child)) {
                    Files.deleteIfExists(child);
                    removed++;
                }
            }
        }
        return removed;
    }

    private static boolean isDownloadCopy(Path path) {
        String name = path.getFileName().toString();
        return name.startsWith(DOWNLOAD_PREFIX) && name.endsWith(DOWNLOAD_SUFFIX)
                && Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS);
    }

    /** True while a live process holds the directory's lock. */
    private static boolean isInUse(Path directory) {
        Path lockFile = directory.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // held by this JVM (another application context)
        } catch (IOException e) {
            return true; // cannot tell: leave it
        }
    }

    /** Deletes a directory tree; returns how many regular files (other than the lock) it held. */
    private static long deleteTree(Path directory) throws IOException {
        long files = 0;
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (Files.isRegularFile(p) && !p.getFileName().toString().equals(LOCK_FILE)) {
                    files++;
                }
                Files.deleteIfExists(p);
            }
        }
        return files;
    }
}
