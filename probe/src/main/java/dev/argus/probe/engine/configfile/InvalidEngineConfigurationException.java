package dev.argus.probe.engine.configfile;

import java.util.List;

/**
 * One or more engine configuration files are wrong. The message lists one sentence per problem, each naming the
 * file and the field, so the operator can fix them all in one go; it stops the probe at start-up.
 */
public final class InvalidEngineConfigurationException extends IllegalStateException {

    private final List<String> problems;

    public InvalidEngineConfigurationException(String what, List<String> problems) {
        super(problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + " in the " + what + ":\n  - "
                + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    /** One sentence per problem. */
    public List<String> problems() {
        return problems;
    }
}
