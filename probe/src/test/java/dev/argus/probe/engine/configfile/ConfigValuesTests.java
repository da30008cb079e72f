package dev.argus.probe.engine.configfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigValuesTests {

    private final ConfigCheck check = new ConfigCheck(Path.of("/etc/argus/cli.d/x.yaml"));

    @Test
    void fillsSlotsAtRunTimeAndVariablesAndEnvironmentAtLoadTime() {
        ConfigValues values = new ConfigValues(Map.of("db", "/var/db"), Map.of(), Map.of("HOME_DIR", "/opt")::get,
                check);

        Template template = values.template("command[1]", "${env:HOME_DIR}/scan --db=${db} --in={file}",
                Set.of("file"), check);

        assertThat(check.problems()).isEmpty();
        assertThat(template.expand(Map.of("file", "/tmp/f 1"))).isEqualTo("/opt/scan --db=/var/db --in=/tmp/f 1");
        assertThat(template.slots()).containsExactly("file");
        assertThat(template.source()).isEqualTo("${env:HOME_DIR}/scan --db=${db} --in={file}");
    }

    @Test
    void leavesBracesThatAreNotPlaceholdersAlone() {
        ConfigValues values = new ConfigValues(Map.of(), Map.of(), name -> null, check);

        Template template = values.template("threat.pattern", "a{2} {\"json\": 1} { spaced }", Set.of(), check);

        assertThat(check.problems()).isEmpty();
        assertThat(template.text()).isEqualTo("a{2} {\"json\": 1} { spaced }");
    }

    @Test
    void aVariableCannotSmuggleASlotIntoATemplate() {
        ConfigValues values = new ConfigValues(Map.of("odd", "{file}"), Map.of(), name -> null, check);

        assertThat(check.problems()).singleElement().asString().contains("field 'variables.odd' uses the unknown"
                + " placeholder {file}; no {placeholder} is available in this field");
        assertThat(values.template("command[0]", "${odd}", Set.of("file"), check).slots()).isEmpty();
    }

    @Test
    void variablesMayUseTheEnvironmentButNotOtherVariables() {
        new ConfigValues(Map.of("a", "x", "b", "${a}"), Map.of(), name -> null, check);

        assertThat(check.problems()).singleElement().asString()
                .isEqualTo("/etc/argus/cli.d/x.yaml: field 'variables.b' refers to ${a}; a variable's value may only"
                        + " use ${env:NAME}.");
    }

    @Test
    void remembersEachMissingEnvironmentVariableWithTheFirstFieldUsingIt() {
        ConfigValues values = new ConfigValues(Map.of(), Map.of(), name -> null, check);

        values.resolve("auth.value", "Bearer ${env:TOKEN}", check);
        values.resolve("healthUrl", "${env:TOKEN}", check);

        assertThat(check.problems()).isEmpty();
        assertThat(values.missingEnvironment()).containsExactly(Map.entry("TOKEN", "auth.value"));
        assertThat(values.missingEnvironmentProblem())
                .isEqualTo("environment variable TOKEN (used by field 'auth.value') is not set");
    }

    @Test
    void aTemplateRefusesToExpandWithoutAValueForEverySlot() {
        ConfigValues values = new ConfigValues(Map.of(), Map.of(), name -> null, check);
        Template template = values.template("poll.url", "http://h/jobs/{jobId}", Set.of("jobId"), check);

        assertThatThrownBy(template::text).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("{jobId}");
        assertThat(Template.expandAll(List.of(template), Map.of("jobId", "7"))).containsExactly("http://h/jobs/7");
    }
}
