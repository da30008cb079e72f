package dev.argus.frontend.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/** The shared character rule and the log escaping built on it. */
class TextRulesTests {

    @Test
    void refusesBidiInvisibleAndControlCharactersOnly() {
        for (int cp : new int[] {0x202A, 0x202E, 0x2066, 0x2069, 0x200E, 0x200F, 0x061C, 0x200B, 0x200D, 0x2060,
                0xFEFF, 0x00AD, 0x0000, 0x000A, 0x000D, 0x007F, 0x0085, 0x2028, 0xFFFD, 0xE000}) {
            assertThat(TextRules.isRefused(cp)).as("U+%04X", cp).isTrue();
        }
        assertThat(TextRules.firstRefused("résumé отчёт 报告 Ελλάδα 😀 a-b_c.d")).isEqualTo(-1);
        assertThat(TextRules.firstRefused("inv\u202Eoice\u200B")).isEqualTo(0x202E);
        assertThat(TextRules.describe(0x202E)).isEqualTo("the invisible formatting character U+202E");
    }

    @Test
    void aClientFieldHoldingARefusedCharacterIsABadRequestNamingFieldAndCharacter() {
        ApiException refused = catchThrowableOfType(ApiException.class,
                () -> TextRules.requireShowable("reason", "false positive\u202E"));
        assertThat(refused.status().value()).isEqualTo(400);
        assertThat(refused.slug()).isEqualTo("invalid-field");
        assertThat(refused.getMessage()).contains("field 'reason'", "U+202E", TextRules.REFUSED_KINDS);
        assertThatCode(() -> TextRules.requireShowable("reason", "faux positif, отчёт 😀")).doesNotThrowAnyException();
    }

    @Test
    void showsRefusedCharactersAsVisibleEscapes() {
        assertThat(TextRules.visible("Trojan.\u202Eexe.txt\u200B")).isEqualTo("Trojan.\\u202Eexe.txt\\u200B");
        assertThat(TextRules.visible("Eicar-Signature")).isEqualTo("Eicar-Signature");
        assertThat(TextRules.visible(null)).isNull();
    }

    @Test
    void logSafeTextCannotForgeALineAndIsCut() {
        assertThat(LogSafe.text("a\r\nFORGED")).isEqualTo("a\\u000D\\u000AFORGED").doesNotContain("\n");
        assertThat(LogSafe.text("x".repeat(500))).startsWith("x".repeat(200) + "…").endsWith("(500 characters)");
        assertThat(LogSafe.text(null)).isEqualTo("null");
    }
}
