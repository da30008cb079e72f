package dev.argus.probe.engine.cli;

import dev.argus.probe.engine.configfile.Verdict;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds threats in a scanner's output: the regex is matched against every line of stdout, then stderr; its group
 * {@code threat}, when it has one, is the threat name (each name once, in order).
 *
 * @param pattern  the regex
 * @param category the verdict when the regex matches, whatever the exit code said (for scanners whose exit code
 *                 does not tell a detection apart), or null to keep the exit code's verdict; required when the regex
 *                 has no {@code threat} group, for scanners that print only a count of detections
 */
record ThreatPattern(Pattern pattern, Verdict category) {

    static final String GROUP = "threat";

    /** What the output says. */
    record Found(boolean matched, List<String> names) {
    }

    Found find(String stdout, String stderr) {
        boolean named = pattern.namedGroups().containsKey(GROUP);
        boolean matched = false;
        Set<String> names = new LinkedHashSet<>();
        for (String text : List.of(stdout, stderr)) {
            for (String line : text.split("\\R")) {
                Matcher matcher = pattern.matcher(line);
                while (matcher.find()) {
                    matched = true;
                    String name = named ? matcher.group(GROUP) : null;
                    if (name != null && !name.isBlank()) {
                        names.add(name.strip());
                    }
                }
            }
        }
        return new Found(matched, List.copyOf(names));
    }
}
