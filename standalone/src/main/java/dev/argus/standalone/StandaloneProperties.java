package dev.argus.standalone;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Settings of the standalone mode itself, from the command line ({@code --argus.standalone.data-dir=/srv/argus}),
 * system properties or the environment ({@code ARGUS_STANDALONE_DATADIR}). Everything else on the command line goes
 * to the three applications unchanged.
 *
 * @param dataDir where everything is kept: database, broker store, stored files, clamd's configuration
 *                ({@code ARGUS_STANDALONE_DATADIR}), default {@code ./argus-data}
 * @param clamd   how clamd is found or started
 * @param runtimeDir where the PostgreSQL binaries are unpacked, once ({@code ARGUS_STANDALONE_RUNTIMEDIR}), default
 *                   {@code <dataDir>/runtime}; must allow executing programs
 * @param exitWhenReady stop again as soon as everything is up ({@code --argus.standalone.exit-when-ready}): for a
 *                      smoke test, or a training run that records a JVM AOT cache (see scripts/run.sh)
 */
public record StandaloneProperties(@DefaultValue("argus-data") Path dataDir, @DefaultValue Clamd clamd,
                                   Path runtimeDir, boolean exitWhenReady) {

    /** {@link #runtimeDir()}, or its default under the data directory. */
    public Path runtimeDirOrDefault() {
        return (runtimeDir != null ? runtimeDir : dataDir.resolve("runtime")).toAbsolutePath().normalize();
    }

    /**
     * How the standalone mode finds a clamd, in this order: one answering at {@code argus.probe.clamav.host/port}
     * (default 127.0.0.1:3310); one answering on the Unix {@code socket}; else it starts {@code binary} itself.
     *
     * @param socket         clamd's Unix socket ({@code ARGUS_STANDALONE_CLAMD_SOCKET}), default: the
     *                       {@code LocalSocket} of {@code /etc/clamav/clamd.conf}, else {@code /run/clamav/clamd.ctl}
     * @param binary         the clamd executable ({@code ARGUS_STANDALONE_CLAMD_BINARY}), default: {@code clamd} on the
     *                       {@code PATH}, in {@code /usr/sbin} or {@code /usr/local/sbin}
     * @param systemDatabase the system's ClamAV signatures, linked into the started clamd's database when present
     *                       ({@code ARGUS_STANDALONE_CLAMD_SYSTEMDATABASE}), default {@code /var/lib/clamav}
     * @param startTimeout   how long a started clamd may take to load its signatures
     *                       ({@code ARGUS_STANDALONE_CLAMD_STARTTIMEOUT}), default 10m
     * @param probeWait      how long the probe's start waits for a started clamd before it starts without ClamAV
     *                       (a second probe instance adds ClamAV once clamd answers), default 5s
     */
    public record Clamd(Path socket, Path binary, @DefaultValue("/var/lib/clamav") Path systemDatabase,
                        @DefaultValue("10m") Duration startTimeout, @DefaultValue("5s") Duration probeWait) {
    }

    /** Binds the settings from the arguments, the system properties and the environment. */
    public static StandaloneProperties bind(String... args) {
        return Binder.get(environment(args)).bindOrCreate("argus.standalone", Bindable.of(StandaloneProperties.class));
    }

    /** Arguments, system properties and environment variables, in that order of precedence. */
    static StandardEnvironment environment(String... args) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        return environment;
    }
}
