package dev.argus.probe.engine.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one command without a shell (the argument list goes to the OS as is, so nothing in it is ever interpreted),
 * with stdin closed, stdout and stderr captured up to a bound each (the rest is read and dropped, so a chatty
 * scanner never blocks on a full pipe), under a time limit. On timeout or interruption the whole process tree is
 * killed: the process and every descendant it started. Thread-safe and stateless.
 */
final class ProcessRunner {

    /** How long to wait for the output readers once the process has exited. */
    private static final Duration DRAIN = Duration.ofSeconds(2);

    /**
     * What the process did.
     *
     * @param exitCode  its exit code (128 + n when killed by signal n)
     * @param stdout    the first {@code maxOutput} bytes of stdout, decoded as UTF-8
     * @param stderr    the first {@code maxOutput} bytes of stderr
     * @param truncated true when either stream was longer than the bound
     */
    record Result(int exitCode, String stdout, String stderr, boolean truncated) {
    }

    /** The process did not exit within the limit; its tree has been killed. */
    static final class TimedOut extends Exception {

        TimedOut(Duration limit) {
            super("did not finish within " + limit.toMillis() + " ms; its process tree was killed");
        }
    }

    private ProcessRunner() {
    }

    /**
     * @param command     the program (name on PATH or path) and its arguments
     * @param environment added to this process's environment
     * @throws IOException          when the program cannot be started
     * @throws TimedOut             when it ran longer than {@code limit}
     * @throws InterruptedException when the calling thread was interrupted; the tree has been killed
     */
    static Result run(List<String> command, Map<String, String> environment, Duration limit, int maxOutput)
            throws IOException, TimedOut, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        Process process = builder.start();
        boolean exited = false;
        try {
            process.getOutputStream().close();
            Capture stdout = Capture.start(process.getInputStream(), maxOutput, "stdout");
            Capture stderr = Capture.start(process.getErrorStream(), maxOutput, "stderr");
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new TimedOut(limit);
            }
            exited = true;
            stdout.await(DRAIN);
            stderr.await(DRAIN);
            return new Result(process.exitValue(), stdout.text(), stderr.text(),
                    stdout.truncated() || stderr.truncated());
        } finally {
            if (!exited) {
                ProcessTree.kill(process);
            }
        }
    }

    /** Reads one stream to its end on a daemon thread, keeping the first {@code max} bytes. */
    private static final class Capture implements Runnable {

        private final InputStream in;
        private final int max;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private long total;
        private Thread thread;

        private Capture(InputStream in, int max) {
            this.in = in;
            this.max = max;
        }

        static Capture start(InputStream in, int max, String name) {
            Capture capture = new Capture(in, max);
            capture.thread = Thread.ofPlatform().daemon(true).name("cli-" + name).start(capture);
            return capture;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[8192];
            try (in) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    synchronized (this) {
                        int keep = (int) Math.max(0, Math.min(read, max - kept.size()));
                        kept.write(buffer, 0, keep);
                        total += read;
                    }
                }
            } catch (IOException e) {
                // the stream closes when the process is killed; what was read so far is kept
            }
        }

        void await(Duration limit) throws InterruptedException {
            thread.join(limit);
        }

        synchronized String text() {
            return kept.toString(StandardCharsets.UTF_8);
        }

        synchronized boolean truncated() {
            return total > kept.size();
        }
    }
}
