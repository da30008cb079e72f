package dev.argus.probe.engine.cli;

import dev.argus.probe.engine.configfile.Template;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command printing a version and the regex (group {@code version}) finding it, searched line by line in stdout,
 * then stderr.
 */
record VersionProbe(List<Template> command, Pattern pattern) {

    VersionProbe {
        command = List.copyOf(command);
    }

    Optional<String> find(ProcessRunner.Result output) {
        for (String text : List.of(output.stdout(), output.stderr())) {
            for (String line : text.split("\\R")) {
                Matcher matcher = pattern.matcher(line);
                if (matcher.find() && matcher.group("version") != null && !matcher.group("version").isBlank()) {
                    return Optional.of(matcher.group("version").strip());
                }
            }
        }
        return Optional.empty();
    }
}
