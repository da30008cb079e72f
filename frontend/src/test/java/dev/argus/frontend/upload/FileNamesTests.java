package dev.argus.frontend.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.argus.frontend.web.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileNamesTests {

    @ParameterizedTest
    @ValueSource(strings = {"eicar.com", "  rapport final (2).pdf ", "отчёт.pdf", "报告.docx", "ひらがなカタカナ漢字.txt",
        "\uD83D\uDE00.png", "invoice\u202Efdp.exe", "p\u0430ypal.exe", "micros\u03BFft.exe", "../../etc/passwd",
        "C:\\Users\\ana\\evil.exe", "dir/", ".", "..", "tab\tname.txt", "line\r\nbreak.txt", "bell\u0007.txt",
        "c1\u0085.txt", "zero\u200Bwidth.txt", "bom\uFEFF.txt", "private\uE000.txt", "bad\uFFFD.txt"})
    void keepsAnyNameAsSent(String name) {
        assertThat(FileNames.keep(name)).isEqualTo(name);
    }

    @Test
    void keepsAThousandCharacterNameWholeAndCutsPastTheLimitByCodePoints() {
        String thousand = "\uD83D\uDE00".repeat(500) + "n".repeat(500);
        assertThat(FileNames.keep(thousand)).isEqualTo(thousand);

        String tooLong = "\uD83D\uDE00".repeat(FileNames.MAX_LENGTH + 10);
        String kept = FileNames.keep(tooLong);
        assertThat(kept.codePointCount(0, kept.length())).isEqualTo(FileNames.MAX_LENGTH);
        assertThat(kept).isEqualTo("\uD83D\uDE00".repeat(FileNames.MAX_LENGTH));
    }

    @Test
    void replacesALoneSurrogateWhichCannotBeStored() {
        assertThat(FileNames.keep("half\uD800.txt")).isEqualTo("half\uFFFD.txt");
        assertThat(FileNames.keep("\uDC00")).isEqualTo("\uFFFD");
    }

    @Test
    void givesNullWhenTheClientSentNoName() {
        assertThat(FileNames.keep(null)).isNull();
        assertThat(FileNames.keep("")).isNull();
        assertThat(FileNames.keep("  \t ")).isNull();
    }

    @Test
    void refusesNulWhichPostgresqlCannotStore() {
        assertThatThrownBy(() -> FileNames.keep("a\0b.exe")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.getMessage()).contains("U+0000"));
    }
}
