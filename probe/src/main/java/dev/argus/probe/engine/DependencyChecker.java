package dev.argus.probe.engine;

import dev.argus.probe.spi.EngineDependency;
import dev.argus.probe.spi.EngineDependency.BinaryOnPath;
import dev.argus.probe.spi.EngineDependency.FilePresent;
import dev.argus.probe.spi.EngineDependency.SocketReachable;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/** Checks an {@link EngineDependency}: returns what is missing, or empty when it is there. */
final class DependencyChecker {

    private final String searchPath;

    /** @param searchPath the {@code PATH} to look for binaries in ({@link File#pathSeparator}-separated) */
    DependencyChecker(String searchPath) {
        this.searchPath = searchPath == null ? "" : searchPath;
    }

    /** Uses the process's {@code PATH}. */
    static DependencyChecker forThisProcess() {
        return new DependencyChecker(System.getenv("PATH"));
    }

    Optional<String> problem(EngineDependency dependency) {
        return switch (dependency) {
            case BinaryOnPath binary -> findBinary(binary.command()) ? Optional.empty()
                    : Optional.of(binary.command().contains(File.separator)
                            ? "program " + binary.command() + " is missing or not executable"
                            : binary.describe() + " not found (PATH=" + searchPath + ")");
            case SocketReachable socket -> connect(socket);
            case FilePresent file -> Files.isReadable(file.path()) ? Optional.empty()
                    : Optional.of(file.describe() + " is missing or unreadable");
        };
    }

    private boolean findBinary(String command) {
        if (command.contains(File.separator)) {
            return Files.isExecutable(Path.of(command));
        }
        return Arrays.stream(searchPath.split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, command))
                .anyMatch(candidate -> Files.isRegularFile(candidate) && Files.isExecutable(candidate));
    }

    private static Optional<String> connect(SocketReachable socket) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(socket.host(), socket.port()),
                    (int) Math.max(1, socket.connectTimeout().toMillis()));
            return Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.of(socket.describe() + " is not reachable ("
                    + Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName()) + ")");
        }
    }
}
