package dev.argus.probe.engine.yara;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class YaraOutputTests {

    private static final String FILE = "/tmp/argus-probe/abc/0f1e2d";

    @Test
    void readsNamespaceRuleTagsAndMetaOfEveryMatchingRule() {
        String output = """
                argus_test:Argus_Test_Marker [test,argus] [description="Argus\\'s YARA test marker",author="Argus"] %1$s
                other:Second [] [] %1$s
                """.formatted(FILE);

        List<RuleMatch> matches = YaraOutput.parse(output, FILE);

        assertThat(matches).hasSize(2);
        RuleMatch marker = matches.getFirst();
        assertThat(marker.namespace()).isEqualTo("argus_test");
        assertThat(marker.rule()).isEqualTo("Argus_Test_Marker");
        assertThat(marker.tags()).containsExactly("test", "argus");
        assertThat(marker.meta()).containsExactly(
                org.assertj.core.api.Assertions.entry("description", "Argus's YARA test marker"),
                org.assertj.core.api.Assertions.entry("author", "Argus"));
        assertThat(matches.get(1).rule()).isEqualTo("Second");
        assertThat(matches.get(1).tags()).isEmpty();
        assertThat(matches.get(1).meta()).isEmpty();
    }

    @Test
    void decodesEscapedTextNumbersAndBooleans() {
        // as yara 4.2 prints them, including its "key =5" for integers
        String line = "Esc [t1] [a=\"back\\\\slash\",b=\"new\\nline\\ttab\",c=\"quote\\\"q\",d=\"A\\351\","
                + "x=\"caf\\xc3\\xa9\",e =-5,f=false,g=\"\",h=\"] [x=\\\"y\\\"]\"] " + FILE;

        RuleMatch match = YaraOutput.parse(line, FILE).getFirst();

        assertThat(match.namespace()).isNull();
        assertThat(match.meta()).containsEntry("a", "back\\slash")
                .containsEntry("b", "new\nline\ttab")
                .containsEntry("c", "quote\"q")
                .containsEntry("x", "café")
                .containsEntry("e", -5L)
                .containsEntry("f", false)
                .containsEntry("g", "")
                .containsEntry("h", "] [x=\"y\"]");
        assertThat((String) match.meta().get("d")).startsWith("A").hasSize(2);
        assertThat(match.meta().keySet()).containsExactly("a", "b", "c", "d", "x", "e", "f", "g", "h");
    }

    @Test
    void readsNothingFromEmptyOutput() {
        assertThat(YaraOutput.parse("", FILE)).isEmpty();
        assertThat(YaraOutput.parse("\n", FILE)).isEmpty();
    }

    @Test
    void rejectsLinesAboutAnotherFileOrInAnotherForm() {
        assertThatThrownBy(() -> YaraOutput.parse("Rule [] [] /somewhere/else\n", FILE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/somewhere/else");
        assertThatThrownBy(() -> YaraOutput.parse("error scanning " + FILE + ": could not open file", FILE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unexpected yara output");
        assertThatThrownBy(() -> YaraOutput.parse("Rule [a] [k=\"unterminated] " + FILE, FILE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
