package dev.argus.probe.engine.configfile;

import dev.argus.common.message.ProbeCategory;
import dev.argus.probe.spi.ScanEngine;

/**
 * What every engine made from a configuration file shares: the identity its file declares and the file it came
 * from, which start-up messages name. Subclasses add how the engine is reached and how it scans.
 */
public abstract class ConfiguredEngine implements ScanEngine {

    private final EngineIdentity identity;
    private final String origin;

    /**
     * @param identity the name, display name, category and mime filter from the file
     * @param origin   where the engine was defined, e.g. "command-line engine file /etc/argus/cli.d/x.yaml"
     */
    protected ConfiguredEngine(EngineIdentity identity, String origin) {
        this.identity = identity;
        this.origin = origin;
    }

    @Override
    public final String name() {
        return identity.name();
    }

    @Override
    public final String displayName() {
        return identity.displayName();
    }

    @Override
    public final ProbeCategory category() {
        return identity.category();
    }

    @Override
    public final String mimeTypes() {
        return identity.mimeTypes();
    }

    @Override
    public final String origin() {
        return origin;
    }
}
