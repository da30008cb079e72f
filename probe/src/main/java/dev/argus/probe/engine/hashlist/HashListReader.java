package dev.argus.probe.engine.hashlist;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one list file in either format, told apart by the first line that is not blank or a comment:
 * <ul>
 * <li><b>plain</b>: one hash per line, md5, sha1 or sha256 in hex (the length says which), anything after the first
 * blank ignored, so {@code sha256sum} output works as it is; {@code #} starts a comment line, and
 * {@code # label: <name>} sets the list's label;</li>
 * <li><b>NSRL CSV</b>: a header line of quoted column names, as in {@code NSRLFile.txt}
 * ({@code "SHA-1","MD5","CRC32","FileName","FileSize",...}), whose {@code SHA-1}, {@code MD5} and (if present)
 * {@code SHA-256} columns are read from every row.</li>
 * </ul>
 * A line that is none of these is counted and skipped rather than failing the list. Every byte read is also fed to
 * the given digest, which makes the lists' version.
 */
final class HashListReader {

    private static final int INTERRUPT_CHECK_LINES = 1 << 16;

    private HashListReader() {
    }

    static HashList read(Path file, ListKind kind, MessageDigest contentDigest) throws IOException {
        Map<HashAlgorithm, SortedHashSet.Builder> builders = new EnumMap<>(HashAlgorithm.class);
        String label = null;
        long skipped = 0;
        long firstSkipped = 0;
        long lineNumber = 0;
        Map<HashAlgorithm, Integer> csvColumns = null;
        boolean formatKnown = false;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new DigestInputStream(Files.newInputStream(file), contentDigest), StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (lineNumber % INTERRUPT_CHECK_LINES == 0 && Thread.currentThread().isInterrupted()) {
                    throw new InterruptedIOException("interrupted reading " + file.getFileName());
                }
                String text = (lineNumber == 1 ? line.replace("\uFEFF", "") : line).strip();
                if (text.isEmpty()) {
                    continue;
                }
                if (text.startsWith("#")) {
                    String comment = text.substring(1).strip();
                    if (label == null && comment.toLowerCase(Locale.ROOT).startsWith("label:")) {
                        label = comment.substring("label:".length()).strip();
                    }
                    continue;
                }
                if (!formatKnown) {
                    formatKnown = true;
                    csvColumns = csvHeader(text);
                    if (csvColumns != null) {
                        continue;
                    }
                }
                boolean ok = csvColumns != null ? addCsvRow(text, csvColumns, builders) : addPlain(text, builders);
                if (!ok) {
                    skipped++;
                    firstSkipped = firstSkipped == 0 ? lineNumber : firstSkipped;
                }
            }
        }
        List<SortedHashSet> sets = new ArrayList<>();
        for (HashAlgorithm strongestFirst : List.of(HashAlgorithm.SHA256, HashAlgorithm.SHA1, HashAlgorithm.MD5)) {
            SortedHashSet.Builder builder = builders.remove(strongestFirst);
            if (builder != null) {
                sets.add(builder.build());
            }
        }
        return new HashList(file.getFileName().toString(),
                label == null || label.isEmpty() ? ListKind.defaultLabel(file) : label, kind, sets, skipped,
                firstSkipped);
    }

    /** The hash columns of an NSRL-style header, or null when the line is not such a header. */
    static Map<HashAlgorithm, Integer> csvHeader(String line) {
        if (!line.startsWith("\"")) {
            return null;
        }
        List<String> names = csvFields(line, Integer.MAX_VALUE);
        Map<HashAlgorithm, Integer> columns = new EnumMap<>(HashAlgorithm.class);
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip().toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
            switch (name) {
                case "MD5" -> columns.putIfAbsent(HashAlgorithm.MD5, i);
                case "SHA1" -> columns.putIfAbsent(HashAlgorithm.SHA1, i);
                case "SHA256" -> columns.putIfAbsent(HashAlgorithm.SHA256, i);
                default -> {
                }
            }
        }
        return columns.isEmpty() ? null : columns;
    }

    private static boolean addCsvRow(String line, Map<HashAlgorithm, Integer> columns,
                                     Map<HashAlgorithm, SortedHashSet.Builder> builders) {
        int needed = columns.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        List<String> fields = csvFields(line, needed);
        boolean any = false;
        for (Map.Entry<HashAlgorithm, Integer> column : columns.entrySet()) {
            if (column.getValue() >= fields.size()) {
                continue;
            }
            String value = fields.get(column.getValue()).strip();
            if (value.isEmpty()) {
                continue;
            }
            if (value.length() != column.getKey().hexLength()
                    || !builder(builders, column.getKey()).addHex(value, 0)) {
                return false;
            }
            any = true;
        }
        return any;
    }

    private static boolean addPlain(String line, Map<HashAlgorithm, SortedHashSet.Builder> builders) {
        int end = 0;
        while (end < line.length() && !Character.isWhitespace(line.charAt(end))) {
            end++;
        }
        int length = end;
        return HashAlgorithm.ofHexLength(length)
                .map(algorithm -> builder(builders, algorithm).addHex(line, 0))
                .orElse(false);
    }

    private static SortedHashSet.Builder builder(Map<HashAlgorithm, SortedHashSet.Builder> builders,
                                                 HashAlgorithm algorithm) {
        return builders.computeIfAbsent(algorithm, SortedHashSet.Builder::new);
    }

    /**
     * The first {@code limit} fields of a CSV line: comma-separated, optionally in double quotes, a doubled quote
     * standing for one inside quotes (file names may hold commas and quotes).
     */
    static List<String> csvFields(String line, int limit) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length() && fields.size() < limit; i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (fields.size() < limit) {
            fields.add(field.toString());
        }
        return fields;
    }
}
