package dev.argus.probe.engine.configfile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.PropertyBindingException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Finds and reads engine configuration files: every {@code *.yaml} / {@code *.yml} file directly in a directory
 * (sorted by name; hidden files and other extensions are ignored, so a {@code README} or a {@code .disabled}
 * copy can sit next to them), one engine per file. Reading is strict: an unknown field is an error naming the
 * known ones and a key written twice is an error, so a typo never silently falls back to a default.
 * Thread-safe.
 */
public final class ConfigFiles {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private ConfigFiles() {
    }

    /**
     * The configuration files of a directory, sorted; empty when the directory does not exist.
     *
     * @throws InvalidEngineConfigurationException when the path exists but is not a readable directory
     */
    public static List<Path> list(Path directory, String property) {
        if (!Files.exists(directory)) {
            return List.of();
        }
        if (!Files.isDirectory(directory) || !Files.isReadable(directory)) {
            throw new InvalidEngineConfigurationException("engine configuration", List.of(directory
                    + " (" + property + ") is not a readable directory."));
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(ConfigFiles::isConfigFile).sorted().toList();
        } catch (IOException e) {
            throw new InvalidEngineConfigurationException("engine configuration", List.of("cannot list " + directory
                    + " (" + property + "): " + e.getMessage() + "."));
        }
    }

    static boolean isConfigFile(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && (name.endsWith(".yaml") || name.endsWith(".yml")) && Files.isRegularFile(path);
    }

    /**
     * Reads one file into {@code type} (a record of strings, lists and maps), recording a sentence in
     * {@code check} when the file is unreadable, not YAML, empty, or has an unknown or mistyped field.
     */
    public static <T> Optional<T> read(Path file, Class<T> type, ConfigCheck check) {
        try {
            T value = YAML.readValue(file.toFile(), type);
            if (value == null) {
                check.failFile("is empty; it must describe one engine");
            }
            return Optional.ofNullable(value);
        } catch (PropertyBindingException e) {
            String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream()
                    .map(Object::toString).collect(Collectors.toCollection(TreeSet::new)).toString();
            check.fail(path(e, true), "is not a known field" + (known.isEmpty() ? "" : "; known fields here: "
                    + known.substring(1, known.length() - 1)));
        } catch (JacksonException e) {
            String where = path(e, false);
            String message = firstLine(e.getOriginalMessage());
            if (where.isEmpty()) {
                check.failFile("is not valid YAML: " + message);
            } else {
                check.fail(where, "has the wrong type: " + message);
            }
        }
        return Optional.empty();
    }

    /** The field path of a Jackson error, e.g. {@code threat.pattern} or {@code command[2]}. */
    private static String path(JacksonException e, boolean includeLast) {
        StringBuilder path = new StringBuilder();
        List<JacksonException.Reference> references = e.getPath();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        if (includeLast && e instanceof PropertyBindingException binding && binding.getPropertyName() != null
                && !path.toString().endsWith(binding.getPropertyName())) {
            path.append(path.isEmpty() ? "" : ".").append(binding.getPropertyName());
        }
        return path.toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }
}
