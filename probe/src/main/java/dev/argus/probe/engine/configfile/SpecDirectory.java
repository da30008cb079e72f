package dev.argus.probe.engine.configfile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one engine specification per configuration file of a directory, for engines defined by files (command-line
 * scanners, HTTP scanning services). Every file is checked; all problems of all files, and engine names used twice,
 * are reported together in one {@link InvalidEngineConfigurationException} that stops the probe.
 *
 * @param directory   the configured directory
 * @param property    the property that names it, e.g. {@code argus.probe.cli.config-dir}, for messages
 * @param kind        what one file describes, e.g. "command-line engine", for messages
 * @param overridden  engine names whose variables are overridden by properties; one with no file gets a warning
 * @param <S>         the specification type
 */
public record SpecDirectory<S>(Path directory, String property, String kind, Set<String> overridden) {

    private static final Logger log = LoggerFactory.getLogger(SpecDirectory.class);

    /** Reads one file; adds what is wrong with it to the check and returns empty when it cannot be used. */
    @FunctionalInterface
    public interface SpecReader<S> {
        Optional<S> read(Path file, ConfigCheck check);
    }

    /**
     * The specifications of every file, in file name order.
     *
     * @param reader reads one file
     * @param nameOf the engine name a specification declares
     * @throws InvalidEngineConfigurationException naming every problem of every file
     */
    public List<S> readAll(SpecReader<S> reader, Function<S, String> nameOf) {
        List<Path> files = ConfigFiles.list(directory, property);
        if (files.isEmpty()) {
            log.info("no {} configured: {} ({}) has no *.yaml file", kind, directory, property);
        }
        List<String> problems = new ArrayList<>();
        Map<String, Path> byName = new HashMap<>();
        List<S> specs = new ArrayList<>();
        for (Path file : files) {
            ConfigCheck check = new ConfigCheck(file);
            Optional<S> spec = reader.read(file, check);
            problems.addAll(check.problems());
            if (spec.isEmpty()) {
                continue;
            }
            String name = nameOf.apply(spec.get());
            Path previous = byName.putIfAbsent(name, file);
            if (previous != null) {
                problems.add(file + ": field 'name' '" + name + "' is already the name of the engine in " + previous
                        + "; engine names must be unique.");
                continue;
            }
            specs.add(spec.get());
        }
        overridden.stream().filter(name -> !byName.containsKey(name)).forEach(name -> log.warn(
                "variables of '{}' are set ({}), but no file in {} describes an engine of that name", name,
                property.replace("config-dir", "variables." + name), directory));
        if (!problems.isEmpty()) {
            throw new InvalidEngineConfigurationException(kind + " configuration (" + property + "=" + directory + ")",
                    problems);
        }
        return specs;
    }
}
