package dev.argus.frontend.upload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.frontend.web.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileNamesTests {

    @Test
    void keepsOrdinaryAndNonLatinNames() {
        assertThat(FileNames.validate("eicar.com")).isEqualTo("eicar.com");
        assertThat(FileNames.validate("  rapport final (2).pdf ")).isEqualTo("rapport final (2).pdf");
        assertThat(FileNames.validate("отчёт.pdf")).isEqualTo("отчёт.pdf");
        assertThat(FileNames.validate("报告.docx")).isEqualTo("报告.docx");
        assertThat(FileNames.validate("Ελλάδα 2024.xlsx")).isEqualTo("Ελλάδα 2024.xlsx");
        assertThat(FileNames.validate("résumé_naïve-ß.txt")).isEqualTo("résumé_naïve-ß.txt");
        assertThat(FileNames.validate("ひらがなカタカナ漢字.txt")).isEqualTo("ひらがなカタカナ漢字.txt");
        assertThat(FileNames.validate("invoice.pdf ИНН 7701.xlsx")).isEqualTo("invoice.pdf ИНН 7701.xlsx");
        assertThat(FileNames.validate("\uD83D\uDE00.png")).isEqualTo("\uD83D\uDE00.png");
        assertThat(FileNames.validate("a".repeat(FileNames.MAX_LENGTH))).hasSize(FileNames.MAX_LENGTH);
    }

    @Test
    void givesNullWhenTheClientSentNoName() {
        assertThat(FileNames.validate(null)).isNull();
        assertThat(FileNames.validate("")).isNull();
        assertThat(FileNames.validate("   ")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../etc/passwd", "dir/", "/etc/passwd", "C:\\Users\\ana\\evil.exe", "a\\b"})
    void refusesPathSeparators(String name) {
        assertRefused(name, "path separator");
    }

    @ParameterizedTest
    @ValueSource(strings = {".", ".."})
    void refusesRelativePathNames(String name) {
        assertRefused(name, "relative path");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b.txt", "a\nb.txt", "tab\there", "del\u007F", "c1\u0085x", "c1\u009Bx",
        "invoice\u202Efdp.exe", "zero\u200Bwidth", "iso\u2066late", "line\u2028sep", "bad\uFFFDutf8",
        "lone\uD800surrogate", "private\uE000use"})
    void refusesControlInvisibleAndBidiCharacters(String name) {
        assertRefused(name, "U+");
    }

    @Test
    void refusesOverlongNamesNamingTheLimit() {
        ApiException refused = refuse("x".repeat(4096) + ".exe");

        assertThat(refused.getMessage()).contains("4100 characters").contains("255").hasSizeLessThan(300);
        assertThat(refused.properties()).containsEntry("maxFileNameLength", 255);
    }

    @ParameterizedTest
    @ValueSource(strings = {"p\u0430ypal.exe", "\u0430pple.pdf", "micros\u03BFft-update.exe", "\u0441\u03BF.txt"})
    void refusesWordsMixingLatinCyrillicOrGreek(String name) {
        assertRefused(name, "mixes scripts");
    }

    @Test
    void quotesTheNameWithoutItsForbiddenCharacters() {
        ApiException refused = refuse("evil\u202Egpj.exe");

        assertThat(refused.getMessage()).contains("evil\\u202Egpj.exe").doesNotContain("\u202E");
        assertThat(refused.slug()).isEqualTo("invalid-file-name");
        assertThat(refused.status().value()).isEqualTo(400);
    }

    private static void assertRefused(String name, String reason) {
        assertThat(refuse(name).getMessage()).contains("filename of a 'file' part").contains(reason);
    }

    private static ApiException refuse(String name) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> FileNames.validate(name));
        assertThat(thrown).isInstanceOf(ApiException.class);
        return (ApiException) thrown;
    }
}
