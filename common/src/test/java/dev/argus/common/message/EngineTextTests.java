package dev.argus.common.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineTextTests {

    @Test
    void removesNulAndControlCharactersAndTurnsLineBreaksIntoSpaces() {
        assertThat(EngineText.clean("Eicar\u0000-Test\u0007\r\nSig\tX")).isEqualTo("Eicar-Test  Sig X");
    }

    @Test
    void keepsOrdinaryTextUnchanged() {
        String text = "Win.Trojan.Agent-123 (ünïcode ✓ 𝄞)";
        assertThat(EngineText.clean(text)).isSameAs(text);
    }

    @Test
    void dropsLoneSurrogates() {
        assertThat(EngineText.clean("a\uD800b\uDC00c")).isEqualTo("abc");
    }

    @Test
    void boundsTheLengthWithAnEllipsis() {
        String cleaned = EngineText.clean("x".repeat(5000));
        assertThat(cleaned).hasSize(EngineText.MAX_LENGTH).endsWith("…");
    }

    @Test
    void cleansDetailKeysValuesAndNestedLists() {
        Map<String, Object> details = Map.of("na\u0000me", "v\u0000al", "list", List.of("a\u0000", 3),
                "nested", Map.of("k", "\u0001x"));

        Map<String, Object> cleaned = EngineText.clean(details);

        assertThat(cleaned).containsEntry("name", "val").containsEntry("list", List.of("a", 3))
                .containsEntry("nested", Map.of("k", "x"));
    }

    @Test
    void aSanitizedResultCarriesNoNulAnywhere() {
        EngineResult dirty = new EngineResult(Category.MALICIOUS, "Evil\u0000Name", "1\u0000", "2", -5, "e\u0000rr",
                Map.of("k", "v\u0000"));

        EngineResult clean = dirty.sanitized();

        assertThat(clean.toString()).doesNotContain("\u0000");
        assertThat(clean.result()).isEqualTo("EvilName");
        assertThat(clean.durationMs()).isZero();
    }
}
