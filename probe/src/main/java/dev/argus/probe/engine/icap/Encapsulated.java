package dev.argus.probe.engine.icap;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@code Encapsulated} header of an ICAP message: which HTTP parts follow the ICAP header and at which byte
 * offsets, e.g. {@code res-hdr=0, res-body=161} or {@code null-body=0}. RFC 3507 section 4.4.1: offsets start at 0
 * and grow, and the last entry is the one body entry ({@code req-body}, {@code res-body}, {@code opt-body} or
 * {@code null-body}).
 *
 * @param entries the parts in order
 */
record Encapsulated(List<Entry> entries) {

    /** One part and its offset from the end of the ICAP header. */
    record Entry(String name, long offset) {

        boolean isHeader() {
            return name.endsWith("-hdr");
        }

        boolean isNullBody() {
            return name.equals("null-body");
        }
    }

    private static final Set<String> HEADERS = Set.of("req-hdr", "res-hdr");
    private static final Set<String> BODIES = Set.of("req-body", "res-body", "opt-body", "null-body");

    Encapsulated {
        entries = List.copyOf(entries);
    }

    static Encapsulated parse(String value) throws MalformedAnswerException {
        List<Entry> entries = new ArrayList<>();
        for (String part : value.split(",")) {
            String item = part.strip();
            int equals = item.indexOf('=');
            String name = equals < 0 ? item : item.substring(0, equals).strip();
            String number = equals < 0 ? "" : item.substring(equals + 1).strip();
            if (!HEADERS.contains(name) && !BODIES.contains(name) || !number.matches("\\d{1,15}")) {
                throw invalid(value, "'" + item + "' is not <part>=<offset>");
            }
            long offset = Long.parseLong(number);
            if (entries.isEmpty() ? offset != 0 : offset < entries.getLast().offset()) {
                throw invalid(value, "offsets must start at 0 and grow");
            }
            if (!entries.isEmpty() && !entries.getLast().isHeader()) {
                throw invalid(value, "only the last part may be a body");
            }
            entries.add(new Entry(name, offset));
        }
        if (!BODIES.contains(entries.getLast().name())) {
            throw invalid(value, "the last part must be a body (res-body, null-body...)");
        }
        return new Encapsulated(entries);
    }

    private static MalformedAnswerException invalid(String value, String why) {
        return new MalformedAnswerException("invalid Encapsulated header " + MalformedAnswerException.quote(value)
                + ": " + why);
    }
}
