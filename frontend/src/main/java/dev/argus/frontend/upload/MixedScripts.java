package dev.argus.frontend.upload;

import java.lang.Character.UnicodeScript;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The spoofing rule for file names: within one word (a run of letters and combining marks), letters of more than
 * one of the Latin, Cyrillic and Greek scripts are refused, because those scripts share look-alike letters
 * ("pаypal" with a Cyrillic а reads as "paypal"). Words in one script, whatever it is, are fine, as are names
 * that use different scripts in different words: "отчёт.pdf", "报告.docx", "Ελλάδα 2024.xlsx". Other scripts
 * are not restricted (Japanese mixes Han, Hiragana and Katakana in one word by design).
 */
final class MixedScripts {

    private static final Set<UnicodeScript> CONFUSABLE =
            EnumSet.of(UnicodeScript.LATIN, UnicodeScript.CYRILLIC, UnicodeScript.GREEK);

    private MixedScripts() {
    }

    /** The first word mixing confusable scripts, or null. */
    static String firstMixedWord(String name) {
        int start = 0;
        int i = 0;
        while (i <= name.length()) {
            int cp = i < name.length() ? name.codePointAt(i) : ' ';
            if (!isWordPart(cp)) {
                if (i > start && scripts(name.substring(start, i)).size() > 1) {
                    return name.substring(start, i);
                }
                start = i + Character.charCount(cp);
            }
            i += Character.charCount(cp);
        }
        return null;
    }

    /** E.g. "Cyrillic and Latin". */
    static String describe(String word) {
        return scripts(word).stream().map(s -> s.name().charAt(0) + s.name().substring(1).toLowerCase())
                .collect(Collectors.joining(" and "));
    }

    private static Set<UnicodeScript> scripts(String word) {
        Set<UnicodeScript> found = EnumSet.noneOf(UnicodeScript.class);
        word.codePoints().filter(Character::isLetter).mapToObj(UnicodeScript::of)
                .filter(CONFUSABLE::contains).forEach(found::add);
        return found;
    }

    private static boolean isWordPart(int codePoint) {
        int type = Character.getType(codePoint);
        return Character.isLetter(codePoint) || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }
}
