package dev.argus.probe.engine.yara;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses what {@code yara -e -g -m RULES FILE} prints for one file: one line per matching rule,
 * {@code namespace:Rule [tag1,tag2] [key="text",number=5,flag=true] FILE}. Text values are escaped by yara
 * ({@code \"}, {@code \\}, {@code \n}, {@code \t}, {@code \xHH} and octal {@code \NNN} for other bytes) and are
 * decoded back to UTF-8 text; yara 4.2 prints integers as {@code key =5}, which is accepted too.
 */
final class YaraOutput {

    private YaraOutput() {
    }

    /**
     * The matching rules, in the order yara printed them (the rules' order in the compiled set).
     *
     * @param output      yara's standard output
     * @param scannedFile the file argument yara was given, which ends every line
     * @throws IllegalArgumentException naming the line yara printed when it is not in the expected form
     */
    static List<RuleMatch> parse(String output, String scannedFile) {
        List<RuleMatch> matches = new ArrayList<>();
        for (String line : output.split("\n")) {
            String text = line.stripTrailing();
            if (text.isEmpty()) {
                continue;
            }
            String suffix = " " + scannedFile;
            if (!text.endsWith(suffix)) {
                throw new IllegalArgumentException("unexpected yara output: " + abbreviate(text));
            }
            try {
                matches.add(new LineParser(text.substring(0, text.length() - suffix.length())).rule());
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                throw new IllegalArgumentException("unexpected yara output (" + e.getMessage() + "): "
                        + abbreviate(text), e);
            }
        }
        return matches;
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    /** A cursor over one line without its file name. */
    private static final class LineParser {

        private final String line;
        private int at;

        LineParser(String line) {
            this.line = line;
        }

        RuleMatch rule() {
            int space = line.indexOf(' ');
            if (space <= 0) {
                throw new IllegalArgumentException("no rule name");
            }
            String identifier = line.substring(0, space);
            at = space + 1;
            List<String> tags = tags();
            expect(' ');
            Map<String, Object> meta = meta();
            if (at != line.length()) {
                throw new IllegalArgumentException("text after the meta at " + at);
            }
            int colon = identifier.lastIndexOf(':');
            return colon < 0 ? new RuleMatch(null, identifier, tags, meta)
                    : new RuleMatch(identifier.substring(0, colon), identifier.substring(colon + 1), tags, meta);
        }

        private List<String> tags() {
            expect('[');
            int end = line.indexOf(']', at);
            if (end < 0) {
                throw new IllegalArgumentException("unterminated tags");
            }
            String list = line.substring(at, end);
            at = end + 1;
            List<String> tags = new ArrayList<>();
            for (String tag : list.split(",")) {
                if (!tag.isBlank()) {
                    tags.add(tag.strip());
                }
            }
            return tags;
        }

        private Map<String, Object> meta() {
            expect('[');
            Map<String, Object> meta = new LinkedHashMap<>();
            if (peek() == ']') {
                at++;
                return meta;
            }
            while (true) {
                int equals = line.indexOf('=', at);
                if (equals < 0) {
                    throw new IllegalArgumentException("meta without '=' at " + at);
                }
                String key = line.substring(at, equals).strip();
                at = equals + 1;
                meta.put(key, peek() == '"' ? text() : scalar());
                char next = line.charAt(at++);
                if (next == ']') {
                    return meta;
                }
                if (next != ',') {
                    throw new IllegalArgumentException("expected ',' or ']' at " + (at - 1));
                }
            }
        }

        private String text() {
            expect('"');
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            while (true) {
                char c = line.charAt(at++);
                if (c == '"') {
                    return bytes.toString(StandardCharsets.UTF_8);
                }
                if (c != '\\') {
                    bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                    continue;
                }
                char escaped = line.charAt(at++);
                switch (escaped) {
                    case 'n' -> bytes.write('\n');
                    case 't' -> bytes.write('\t');
                    case 'r' -> bytes.write('\r');
                    case 'x' -> {
                        bytes.write(Integer.parseInt(line.substring(at, at + 2), 16));
                        at += 2;
                    }
                    default -> {
                        if (escaped >= '0' && escaped <= '7') {
                            int end = at - 1;
                            while (end < at + 2 && end < line.length() && line.charAt(end) >= '0'
                                    && line.charAt(end) <= '7') {
                                end++;
                            }
                            bytes.write(Integer.parseInt(line.substring(at - 1, end), 8));
                            at = end;
                        } else {
                            bytes.writeBytes(String.valueOf(escaped).getBytes(StandardCharsets.UTF_8));
                        }
                    }
                }
            }
        }

        private Object scalar() {
            int end = at;
            while (end < line.length() && line.charAt(end) != ',' && line.charAt(end) != ']') {
                end++;
            }
            String token = line.substring(at, end).strip();
            at = end;
            if (token.equals("true") || token.equals("false")) {
                return Boolean.parseBoolean(token);
            }
            try {
                return Long.parseLong(token);
            } catch (NumberFormatException notANumber) {
                return token;
            }
        }

        private char peek() {
            return line.charAt(at);
        }

        private void expect(char c) {
            if (at >= line.length() || line.charAt(at) != c) {
                throw new IllegalArgumentException("expected '" + c + "' at " + at);
            }
            at++;
        }
    }
}
