package dev.argus.probe.spi;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Something an engine needs before it can run. The probe checks every dependency at start-up and skips an
 * engine whose dependency is missing, with one warning naming it.
 */
public sealed interface EngineDependency {

    /** A short description for logs, e.g. {@code socket 127.0.0.1:3310}. */
    String describe();

    /**
     * An executable found on the {@code PATH}.
     *
     * @param command the executable's name, e.g. {@code yara}
     */
    record BinaryOnPath(String command) implements EngineDependency {
        public BinaryOnPath {
            Objects.requireNonNull(command, "command");
        }

        @Override
        public String describe() {
            return "binary '" + command + "' on PATH";
        }
    }

    /**
     * A TCP server accepting connections.
     *
     * @param host           host name or address
     * @param port           TCP port
     * @param connectTimeout how long to wait for the connection
     */
    record SocketReachable(String host, int port, Duration connectTimeout) implements EngineDependency {
        public SocketReachable {
            Objects.requireNonNull(host, "host");
            connectTimeout = connectTimeout == null ? Duration.ofSeconds(3) : connectTimeout;
        }

        @Override
        public String describe() {
            return "socket " + host + ":" + port;
        }
    }

    /**
     * A readable file or directory, e.g. a rules file.
     *
     * @param path the file
     */
    record FilePresent(Path path) implements EngineDependency {
        public FilePresent {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String describe() {
            return "file " + path;
        }
    }
}
