package dev.argus.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One packaged Argus jar running as a child JVM, its output in target/e2e-logs/. */
final class ArgusProcess {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

    private final String name;
    private final String module;
    private final List<String> arguments;
    private final Map<String, String> environment;
    private Process process;
    private int starts;

    /** name: the test class's prefix for the log files; module: frontend, brain or probe. */
    ArgusProcess(String name, String module, List<String> arguments) {
        this(name, module, arguments, Map.of());
    }

    /** As above, with environment variables added to the process's (secrets go here, not on the command line). */
    ArgusProcess(String name, String module, List<String> arguments, Map<String, String> environment) {
        this.name = name;
        this.module = module;
        this.arguments = List.copyOf(arguments);
        this.environment = Map.copyOf(environment);
    }

    /** The operating system's id of the running process. */
    long pid() {
        return process.pid();
    }

    /** The process's peak resident memory so far (VmHWM of /proc/PID/status), in KiB. */
    long peakRssKib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmHWM in /proc/" + pid() + "/status");
    }

    void start() throws IOException {
        Path jar = ROOT.resolve(module).resolve("target").resolve("argus-" + module + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run the end-to-end tests through `./mvnw verify` "
                    + "from the repository root, which packages the jars first");
        }
        Path logs = Files.createDirectories(ROOT.resolve("e2e/target/e2e-logs"));
        starts++;
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar", jar.toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        process = builder
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve(logName()).toFile())
                .start();
    }

    /** SIGKILL: no shutdown hook, no graceful close of connections, as a crash or an OOM kill would do. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGSTOP: the process freezes (no work, no heartbeat) until {@link #resume()}; Linux and macOS only. */
    void pause() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** SIGCONT: a paused process carries on where it stopped. */
    void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
        }
    }

    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    Path log() {
        return ROOT.resolve("e2e/target/e2e-logs").resolve(logName());
    }

    private String logName() {
        return name + "-" + module + "-" + starts + ".log";
    }
}
