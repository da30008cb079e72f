package dev.argus.bench.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One packaged Argus jar as a child JVM, output to a log file. Its JVM options come from the build's
 * {@code scripts/jvm/<module>.options} argument file when there is one, the same file the run scripts and the
 * container image use, so the benchmark measures Argus as it is deployed.
 */
final class JavaProcess {

    private final String module;
    private final Process process;
    private final Path log;

    private JavaProcess(String module, Process process, Path log) {
        this.module = module;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code java [@scripts/jvm/<module>.options] -jar <jar> <arguments>} with extra environment. */
    static JavaProcess start(Path argusHome, String module, Path jar, List<String> arguments,
                             Map<String, String> environment, Path logDirectory) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it with ./mvnw -DskipTests package "
                    + "(scripts/bench.sh does)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Path options = argusHome.resolve("scripts/jvm").resolve(module + ".options");
        if (Files.isRegularFile(options)) {
            command.add("@" + options);
        }
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(arguments);
        Path log = Files.createDirectories(logDirectory).resolve(module + ".log");
        // in the build's directory, like scripts/run-local.sh in the repository: the options file names files
        // relative to it
        ProcessBuilder builder = new ProcessBuilder(command).directory(argusHome.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return new JavaProcess(module, builder.start(), log);
    }

    String module() {
        return module;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    void stop() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }
}
