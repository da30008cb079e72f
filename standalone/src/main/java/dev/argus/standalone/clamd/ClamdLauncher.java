package dev.argus.standalone.clamd;

import dev.argus.standalone.FreePorts;
import dev.argus.standalone.StandaloneProperties;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Finds a clamd for the probe, or starts one: a clamd already answering over TCP at the probe's configured address is
 * used as it is; one answering only on its Unix socket is made reachable over TCP by a {@link ClamdRelay}; otherwise,
 * when the clamd binary is installed, a {@link ClamdProcess} is started with its configuration and signatures under
 * {@code directory}. When none of these works, the endpoint is the configured address, where the probe will find
 * nothing and say so.
 */
public final class ClamdLauncher {

    private static final Duration PING_TIMEOUT = Duration.ofSeconds(2);
    private static final Path SYSTEM_CONFIG = Path.of("/etc/clamav/clamd.conf");
    private static final Path DEBIAN_SOCKET = Path.of("/run/clamav/clamd.ctl");

    private ClamdLauncher() {
    }

    /**
     * @param host      the probe's {@code argus.probe.clamav.host}
     * @param port      the probe's {@code argus.probe.clamav.port}
     * @param settings  the standalone's clamd settings
     * @param directory where a started clamd keeps its configuration, signatures and log
     * @param ports     free ports for a relay or a started clamd
     */
    public static ClamdEndpoint locate(String host, int port, StandaloneProperties.Clamd settings, Path directory,
                                       FreePorts ports) {
        // Filled in every case: the clamscan engine reads the same signatures, whichever clamd scans.
        Path database = directory.resolve("db");
        SignatureDirectory.Contents contents = SignatureDirectory.prepare(database, settings.systemDatabase());
        if (ClamdPing.answers(new InetSocketAddress(host, port), PING_TIMEOUT)) {
            return new ClamdEndpoint(host, port, null, CompletableFuture.completedFuture(null),
                    "clamd answers at " + host + ":" + port + "; using it", null);
        }
        Path socket = settings.socket() != null ? settings.socket() : systemSocket();
        if (Files.exists(socket) && ClamdPing.answers(UnixDomainSocketAddress.of(socket), PING_TIMEOUT)) {
            int relayPort = ports.next();
            ClamdRelay relay = ClamdRelay.start(relayPort, UnixDomainSocketAddress.of(socket));
            return new ClamdEndpoint("127.0.0.1", relayPort, null, CompletableFuture.completedFuture(null),
                    "clamd answers on " + socket + "; using it (relayed at 127.0.0.1:" + relayPort + ")", relay);
        }
        Optional<Path> binary = settings.binary() != null ? Optional.of(settings.binary()).filter(Files::isExecutable)
                : findBinary(System.getenv("PATH"));
        if (binary.isEmpty()) {
            return new ClamdEndpoint(host, port, null, CompletableFuture.failedFuture(new IllegalStateException(
                    "no clamd")), "no clamd: nothing answers at " + host + ":" + port + " or on " + socket
                    + ", and the clamd binary is not installed (Debian: apt-get install clamav-daemon)", null);
        }
        return startClamd(binary.get(), settings, directory, database, contents, ports.next());
    }

    private static ClamdEndpoint startClamd(Path binary, StandaloneProperties.Clamd settings, Path directory,
                                            Path database, SignatureDirectory.Contents contents, int port) {
        ClamdProcess process = ClamdProcess.start(binary, new ClamdConfig(directory, database, port),
                settings.startTimeout());
        String signatures = contents.official().isEmpty()
                ? "the bundled test signatures " + contents.bundled()
                : "the bundled test signatures and the official database of " + settings.systemDatabase();
        return new ClamdEndpoint("127.0.0.1", port, database, process.ready(), "started clamd (pid " + process.pid()
                + ") at 127.0.0.1:" + port + " with " + signatures + "; configuration and log in " + directory,
                process);
    }

    /** The {@code LocalSocket} of the system's clamd configuration, else Debian's default socket. */
    static Path systemSocket() {
        try {
            if (Files.isReadable(SYSTEM_CONFIG)) {
                try (Stream<String> lines = Files.lines(SYSTEM_CONFIG)) {
                    Optional<Path> configured = lines.map(String::strip)
                            .filter(line -> line.startsWith("LocalSocket "))
                            .map(line -> Path.of(line.substring("LocalSocket ".length()).strip()))
                            .findFirst();
                    if (configured.isPresent()) {
                        return configured.get();
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // unreadable configuration: fall back to the default
        }
        return DEBIAN_SOCKET;
    }

    /** {@code clamd} on the given {@code PATH} or in the sbin directories (not on a normal user's PATH). */
    static Optional<Path> findBinary(String searchPath) {
        Stream<String> directories = Stream.concat(
                Arrays.stream((searchPath == null ? "" : searchPath).split(File.pathSeparator)),
                Stream.of("/usr/sbin", "/usr/local/sbin"));
        return directories.filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "clamd"))
                .filter(candidate -> Files.isRegularFile(candidate) && Files.isExecutable(candidate))
                .findFirst();
    }
}
