package dev.argus.probe.engine.icap;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The header fields of an ICAP (or encapsulated HTTP) message, in arrival order, names compared without case. A
 * field folded over several lines (a continuation line starts with a space or tab, as c-icap's
 * {@code X-Violations-Found} does) keeps one value whose lines are joined with {@code \n}.
 */
final class IcapHeaders {

    /** One field as received. */
    record Field(String name, String value) {
    }

    private final List<Field> fields;

    IcapHeaders(List<Field> fields) {
        this.fields = List.copyOf(fields);
    }

    /** The first value of the field, stripped. */
    Optional<String> first(String name) {
        return fields.stream().filter(field -> field.name().equalsIgnoreCase(name)).map(Field::value).findFirst();
    }

    /** Every value of the field, in order (a field may be repeated). */
    List<String> all(String name) {
        return fields.stream().filter(field -> field.name().equalsIgnoreCase(name)).map(Field::value).toList();
    }

    /** Collects fields while a header block is read, folding continuation lines into the previous field. */
    static final class Builder {

        private final List<Field> fields = new ArrayList<>();

        /**
         * Adds one header line (without its line ending).
         *
         * @throws MalformedAnswerException when the line is neither {@code name: value} nor a continuation
         */
        Builder line(String line) throws MalformedAnswerException {
            if (line.startsWith(" ") || line.startsWith("\t")) {
                if (fields.isEmpty()) {
                    throw new MalformedAnswerException("the first header line is a continuation line: "
                            + MalformedAnswerException.quote(line));
                }
                Field previous = fields.removeLast();
                String more = line.strip();
                fields.add(new Field(previous.name(), previous.value().isEmpty() ? more : previous.value() + "\n" + more));
                return this;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || !isToken(line.substring(0, colon))) {
                throw new MalformedAnswerException("not a header line: " + MalformedAnswerException.quote(line));
            }
            fields.add(new Field(line.substring(0, colon), line.substring(colon + 1).strip()));
            return this;
        }

        int size() {
            return fields.size();
        }

        IcapHeaders build() {
            return new IcapHeaders(fields);
        }

        private static boolean isToken(String name) {
            return name.chars().allMatch(c -> c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0);
        }
    }
}
