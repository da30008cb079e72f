package dev.argus.probe.engine;

import dev.argus.probe.spi.ScanEngine;
import java.util.List;

/**
 * The engines this process runs: selected by configuration, dependencies present, {@code verify()} passed.
 * Never empty.
 *
 * @param engines in selection order
 */
public record ActiveEngines(List<ScanEngine> engines) {

    public ActiveEngines {
        engines = List.copyOf(engines);
        if (engines.isEmpty()) {
            throw new IllegalArgumentException("at least one engine");
        }
    }

    /** The engine names, for logs. */
    public List<String> names() {
        return engines.stream().map(ScanEngine::name).toList();
    }
}
