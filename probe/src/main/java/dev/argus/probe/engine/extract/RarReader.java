package dev.argus.probe.engine.extract;

import dev.argus.probe.spi.EngineException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * RAR 4 and 5 through libarchive's {@code bsdtar} ({@link Bsdtar}), read as the tar stream it writes on stdout. A
 * watchdog kills bsdtar when the container's time is up or the job is interrupted; a limit crossed while reading
 * kills it too. libarchive does not decrypt rar: when bsdtar says the archive is encrypted the container is
 * {@code encrypted} ("rar encryption is not supported"); any other bsdtar error makes it {@code failed}. Without
 * bsdtar on the probe, rar is {@code unsupported}.
 */
final class RarReader implements ContainerReader {

    static final String ENCRYPTION_UNSUPPORTED = "rar encryption is not supported";
    private static final long POLL_MILLIS = 50;

    private final Bsdtar bsdtar;
    private volatile Boolean available;

    RarReader(Bsdtar bsdtar) {
        this.bsdtar = bsdtar;
    }

    /** Whether bsdtar runs here; checked once, on first use or by the engine's verify. */
    boolean available() {
        Boolean known = available;
        if (known == null) {
            known = bsdtar.version() != null;
            available = known;
        }
        return known;
    }

    @Override
    public void read(Path file, String name, ContainerSession session, MemberSink sink, Passwords passwords)
            throws IOException, UnsupportedContainerException, LimitExceededException, EngineException,
            InterruptedException {
        if (!available()) {
            throw new UnsupportedContainerException("rar needs libarchive's bsdtar (Debian package"
                    + " libarchive-tools), not found on this probe as '" + bsdtar.command() + "'");
        }
        Process process = bsdtar.toTarStream(file);
        Bsdtar.Stderr stderr = Bsdtar.Stderr.capture(process.getErrorStream());
        AtomicBoolean finished = new AtomicBoolean();
        Thread owner = Thread.currentThread();
        Thread watchdog = Thread.ofVirtual().name("bsdtar-watchdog").start(
                () -> watch(process, owner, session.deadlineNanos(), finished));
        try (InputStream tar = new BufferedInputStream(process.getInputStream(), 64 * 1024)) {
            try {
                TarReader.read(tar, session, sink);
                drain(tar, session);
            } catch (IOException e) {
                session.check();
                classify(process, stderr, e, session);
                return;
            }
            waitForExit(process, session);
            // killed by the watchdog: the tar stream may have ended cleanly; the limit is the reason, not damage
            session.check();
            if (process.exitValue() != 0) {
                classify(process, stderr, null, session);
            }
        } finally {
            finished.set(true);
            if (process.isAlive()) {
                Bsdtar.kill(process);
            }
            watchdog.interrupt();
        }
    }

    /** bsdtar failed: encrypted when it says so, else the container is damaged. */
    private static void classify(Process process, Bsdtar.Stderr stderr, IOException cause,
                                 ContainerSession session) throws IOException, InterruptedException {
        if (process.isAlive()) {
            Bsdtar.kill(process);
        }
        String text = stderr.text();
        if (text.toLowerCase(Locale.ROOT).contains("encrypt")) {
            session.encrypted(ENCRYPTION_UNSUPPORTED);
            return;
        }
        String line = text.lines().filter(l -> !l.contains("Error exit delayed")).findFirst().orElse("");
        String reason = line.isBlank() ? (cause != null ? Messages.of(cause) : "exit code " + exitCode(process))
                : line;
        throw new IOException("bsdtar: " + MemberNames.shortened(MemberNames.clean(reason), 200), cause);
    }

    private static int exitCode(Process process) {
        return process.isAlive() ? -1 : process.exitValue();
    }

    /** Reads the end of the stream (the tar's padding), so that bsdtar can exit normally. */
    private static void drain(InputStream tar, ContainerSession session)
            throws IOException, LimitExceededException, InterruptedException {
        byte[] buffer = new byte[8192];
        long total = 0;
        int read;
        while ((read = tar.read(buffer)) >= 0) {
            total += read;
            session.check();
            if (total > 1 << 20) {
                throw new IOException("bsdtar wrote data after the end of the tar stream");
            }
        }
    }

    private static void waitForExit(Process process, ContainerSession session)
            throws LimitExceededException, InterruptedException {
        while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
            session.check();
        }
    }

    private static void watch(Process process, Thread owner, long deadlineNanos, AtomicBoolean finished) {
        try {
            while (!finished.get() && process.isAlive()) {
                if (owner.isInterrupted() || System.nanoTime() - deadlineNanos > 0) {
                    Bsdtar.kill(process);
                    return;
                }
                process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            // the reader is done with the process
        }
    }
}
