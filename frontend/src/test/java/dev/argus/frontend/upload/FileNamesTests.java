package dev.argus.frontend.upload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTests {

    @Test
    void keepsOrdinaryNames() {
        assertThat(FileNames.sanitise("eicar.com")).isEqualTo("eicar.com");
        assertThat(FileNames.sanitise("  rapport final (2).pdf ")).isEqualTo("rapport final (2).pdf");
        assertThat(FileNames.sanitise("отчёт.docx")).isEqualTo("отчёт.docx");
    }

    @Test
    void keepsOnlyTheLastPathComponent() {
        assertThat(FileNames.sanitise("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileNames.sanitise("C:\\Users\\ana\\evil.exe")).isEqualTo("evil.exe");
        assertThat(FileNames.sanitise("/tmp/a\\b/c.txt")).isEqualTo("c.txt");
    }

    @Test
    void stripsControlAndInvisibleFormattingCharacters() {
        assertThat(FileNames.sanitise("a\u0000b\nc\td.txt")).isEqualTo("abcd.txt");
        assertThat(FileNames.sanitise("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
        assertThat(FileNames.sanitise("zero\u200Bwidth")).isEqualTo("zerowidth");
    }

    @Test
    void givesNullWhenNothingUsableIsLeft() {
        assertThat(FileNames.sanitise(null)).isNull();
        assertThat(FileNames.sanitise("")).isNull();
        assertThat(FileNames.sanitise("dir/")).isNull();
        assertThat(FileNames.sanitise("..")).isNull();
        assertThat(FileNames.sanitise("\u0001\u0002")).isNull();
    }

    @Test
    void capsTheLengthWithoutSplittingCharacters() {
        String emoji = "\uD83D\uDE00";
        String name = FileNames.sanitise(emoji.repeat(300));

        assertThat(name.codePointCount(0, name.length())).isEqualTo(FileNames.MAX_LENGTH);
        assertThat(name).isEqualTo(emoji.repeat(FileNames.MAX_LENGTH));
    }
}
