package dev.argus.probe.engine.extract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * libarchive's {@code bsdtar}, run without a shell: {@code bsdtar -c -f - --format pax @-} turns the archive it reads
 * on stdin into a pax tar stream on stdout. bsdtar writes nothing to disk in this mode and no member name ever reaches
 * a path. The archive goes through a pipe, not as a file name: on a seekable file libarchive also tries its
 * seeking readers, and a rar ending with a stored zip is then read as that zip; on a pipe only the format the
 * archive starts with is recognised. Thread-safe.
 */
final class Bsdtar {

    private static final int MAX_STDERR = 4096;
    private static final long VERSION_WAIT_SECONDS = 5;

    private final String command;

    Bsdtar(String command) {
        this.command = command;
    }

    /** The command as configured, e.g. {@code bsdtar}. */
    String command() {
        return command;
    }

    /** The first line of {@code bsdtar --version}, or null when bsdtar cannot be run. */
    String version() {
        try {
            Process process = new ProcessBuilder(command, "--version").redirectErrorStream(true).start();
            process.getOutputStream().close();
            Stderr output = Stderr.capture(process.getInputStream());
            if (!process.waitFor(VERSION_WAIT_SECONDS, TimeUnit.SECONDS)) {
                kill(process);
                return null;
            }
            String text = output.text().strip();
            return process.exitValue() == 0 && text.startsWith("bsdtar") ? text.lines().findFirst().orElse(text)
                    : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * Starts converting the archive to a tar stream: the process's stdout. The archive is written to its stdin by a
     * virtual thread, which stops when bsdtar exits or is killed.
     */
    Process toTarStream(Path archive) throws IOException {
        Process process = new ProcessBuilder(List.of(command, "-c", "-f", "-", "--format", "pax", "@-")).start();
        Thread.ofVirtual().name("bsdtar-stdin").start(() -> feed(archive, process));
        return process;
    }

    private static void feed(Path archive, Process process) {
        try (OutputStream stdin = process.getOutputStream(); InputStream in = Files.newInputStream(archive)) {
            in.transferTo(stdin);
        } catch (IOException e) {
            // bsdtar stopped reading (it exited, failed or was killed): nothing more to give it
        }
    }

    /** Kills the process and anything it started. */
    static void kill(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    /** The first bytes of a process's stderr, read on a virtual thread; the rest is read and dropped. */
    static final class Stderr {

        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final Thread reader;

        private Stderr(InputStream stream) {
            this.reader = Thread.ofVirtual().name("bsdtar-stderr").start(() -> drain(stream));
        }

        static Stderr capture(InputStream stream) {
            return new Stderr(stream);
        }

        private void drain(InputStream stream) {
            byte[] buffer = new byte[1024];
            try (stream) {
                int read;
                while ((read = stream.read(buffer)) >= 0) {
                    synchronized (kept) {
                        kept.write(buffer, 0, Math.max(0, Math.min(read, MAX_STDERR - kept.size())));
                    }
                }
            } catch (IOException ignored) {
                // the process is gone
            }
        }

        /** What was read so far, after waiting a little for the reader to finish. */
        String text() throws InterruptedException {
            reader.join(2_000);
            synchronized (kept) {
                return kept.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
