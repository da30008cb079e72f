package dev.argus.probe.engine;

import dev.argus.probe.spi.EngineDependency;
import dev.argus.probe.spi.EngineException;
import dev.argus.probe.spi.ScanEngine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides at start-up which engines run: the selected ones whose dependencies are present and whose
 * {@code verify()} passes. Each skipped engine gets exactly one WARN line naming it and what is missing; when
 * none remains, start-up fails with a sentence.
 */
final class EngineActivation {

    private static final Logger log = LoggerFactory.getLogger(EngineActivation.class);

    private final EngineRegistry registry;
    private final DependencyChecker checker;

    EngineActivation(EngineRegistry registry, DependencyChecker checker) {
        this.registry = registry;
        this.checker = checker;
    }

    ActiveEngines activate(List<String> wanted) {
        List<ScanEngine> selected = registry.select(wanted);
        List<ScanEngine> usable = new ArrayList<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        for (ScanEngine engine : selected) {
            Optional<String> problem = problem(engine);
            if (problem.isPresent()) {
                skipped.put(engine.name(), problem.get());
                log.warn("engine '{}' ({}) skipped: {}", engine.name(), engine.displayName(), problem.get());
            } else {
                usable.add(engine);
            }
        }
        if (usable.isEmpty()) {
            throw noEngine(selected, skipped);
        }
        return new ActiveEngines(usable);
    }

    private Optional<String> problem(ScanEngine engine) {
        for (EngineDependency dependency : engine.dependencies()) {
            Optional<String> missing = checker.problem(dependency);
            if (missing.isPresent()) {
                return Optional.of("missing dependency: " + missing.get());
            }
        }
        try {
            engine.verify();
            return Optional.empty();
        } catch (EngineException | RuntimeException e) {
            return Optional.of("verify() failed: " + e.getMessage());
        }
    }

    private ProbeStartupException noEngine(List<ScanEngine> selected, Map<String, String> skipped) {
        if (selected.isEmpty()) {
            return new ProbeStartupException("No engine can run in this probe: there is no engine on the class path.",
                    "Put an engine plugin on the class path (e.g. -Dloader.path=plugins/).");
        }
        StringBuilder reasons = new StringBuilder();
        skipped.forEach((name, why) -> reasons.append(reasons.isEmpty() ? "" : "; ").append(name).append(": ")
                .append(why));
        return new ProbeStartupException("No engine can run in this probe: every selected engine was skipped ("
                + reasons + ").", "Start what the engines need, or choose other engines with argus.probe.engines"
                + " (ARGUS_PROBE_ENGINES); the engines on the class path are: "
                + String.join(", ", registry.names()) + ".");
    }
}
