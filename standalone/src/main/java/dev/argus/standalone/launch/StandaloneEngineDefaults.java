package dev.argus.standalone.launch;

import dev.argus.standalone.bundled.EngineFiles;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place where the standalone mode gives the probe's engines their defaults under the data directory
 * (rule directories, hash lists, engine configuration files). They are defaults: the command line, the environment
 * and {@code argus-standalone.properties} override them. The clamd connection is not here: it is decided at start
 * ({@link dev.argus.standalone.clamd.ClamdLauncher}) and passed as wiring.
 *
 * <p>To add an engine's default, put its property here with a path under {@code dataDir}, e.g.
 * {@code argus.probe.yara.rules-dir -> <dataDir>/engines/yara}, and say in docs/operations.md what goes there.
 */
public final class StandaloneEngineDefaults {

    private StandaloneEngineDefaults() {
    }

    /** Probe properties for a standalone run whose data lives under {@code dataDir}. */
    public static Map<String, Object> probe(Path dataDir) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("argus.probe.work-dir", dataDir.resolve("work").resolve("probe").toString());
        defaults.put("argus.probe.yara.rules-dir", EngineFiles.directory(dataDir, "yara").toString());
        defaults.put("argus.probe.yara.work-dir", dataDir.resolve("work").resolve("yara").toString());
        defaults.put("argus.probe.extract.work-dir", dataDir.resolve("work").resolve("extract").toString());
        defaults.put("argus.probe.hashlist.dir", EngineFiles.directory(dataDir, "hashlists").toString());
        defaults.put("argus.probe.cli.config-dir", EngineFiles.directory(dataDir, "cli").toString());
        // clamscan reads the signature directory the standalone fills for clamd (bundled + system ones).
        defaults.put("argus.probe.cli.variables.clamscan.database", dataDir.resolve("clamd").resolve("db").toString());
        return defaults;
    }
}
