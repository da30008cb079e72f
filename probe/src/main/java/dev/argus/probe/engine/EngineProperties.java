package dev.argus.probe.engine;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Which engines this probe process runs.
 *
 * @param engines engine names to run (environment {@code ARGUS_PROBE_ENGINES=clamav,yara}); empty (the default)
 *                runs every engine on the class path. One name per process gives one container per engine.
 */
@Validated
@ConfigurationProperties("argus.probe")
public record EngineProperties(List<String> engines) {

    public EngineProperties {
        engines = engines == null ? List.of() : engines.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
