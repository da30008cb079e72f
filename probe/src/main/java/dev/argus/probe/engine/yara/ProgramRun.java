package dev.argus.probe.engine.yara;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One run of an external program (yara, yarac) with a time limit. Its standard output and error go, merged, to a
 * file rather than a pipe, so the program can never block on a full pipe and waiting for it stays interruptible:
 * an interrupt or the time limit kills the program. At most {@link #MAX_OUTPUT_BYTES} of the output are read.
 *
 * @param exitCode the program's exit code
 * @param output   what it printed (standard output and error), UTF-8
 */
record ProgramRun(int exitCode, String output) {

    static final int MAX_OUTPUT_BYTES = 8 * 1024 * 1024;

    /**
     * Runs {@code command} and waits for it.
     *
     * @param outputFile where the output is collected; deleted afterwards
     * @throws IOException          when the program cannot be started or its output read
     * @throws TimeoutException     when it ran longer than {@code timeout} (it has been killed)
     * @throws InterruptedException when the calling thread was interrupted (it has been killed)
     */
    static ProgramRun run(List<String> command, Path outputFile, Duration timeout)
            throws IOException, TimeoutException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(outputFile.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new TimeoutException(command.getFirst() + " did not finish within " + timeout.toMillis()
                        + " ms");
            }
            return new ProgramRun(process.exitValue(), read(outputFile));
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
            Files.deleteIfExists(outputFile);
        }
    }

    /** The output's first lines, one line, for error messages. */
    String summary() {
        String text = output.strip().replaceAll("\\s*\\R\\s*", "; ");
        return text.isEmpty() ? "(no output)" : text.length() <= 1000 ? text : text.substring(0, 1000) + "...";
    }

    private static String read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_OUTPUT_BYTES);
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (bytes.length == MAX_OUTPUT_BYTES) {
                int lastLine = text.lastIndexOf('\n');
                text = lastLine < 0 ? "" : text.substring(0, lastLine + 1); // drop the cut line
            }
            return text;
        }
    }
}
