package dev.argus.frontend.label;

import dev.argus.frontend.model.VerdictProperties;
import dev.argus.frontend.web.ApiException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports {@code sha256,label,source} lines (an optional header line, the source may contain commas), reading
 * the body as a stream in batches. All valid lines are stored in one transaction: a body over the size limit
 * stores nothing.
 */
@Service
class LabelImport {

    /** The most rejected lines listed in a report (all are counted). */
    static final int MAX_REPORTED = 1000;
    private static final int BATCH = 500;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Labels labels;
    private final VerdictProperties properties;
    private final ApplicationEventPublisher events;

    LabelImport(Labels labels, VerdictProperties properties, ApplicationEventPublisher events) {
        this.labels = labels;
        this.properties = properties;
        this.events = events;
    }

    @Transactional
    ImportReport importCsv(InputStream body, String labelledBy) {
        Progress progress = new Progress(labelledBy, Instant.now());
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new SizeLimitedInputStream(body, properties.maxLabelImportSize()), StandardCharsets.UTF_8))) {
            List<Line> batch = new ArrayList<>(BATCH);
            long number = 0;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                number++;
                if (text.isBlank() || number == 1 && text.strip().toLowerCase(Locale.ROOT).startsWith("sha256,")) {
                    continue;
                }
                batch.add(new Line(number, text));
                if (batch.size() == BATCH) {
                    store(batch, progress);
                    batch.clear();
                }
            }
            store(batch, progress);
        } catch (IOException e) {
            throw ApiException.badRequest("unreadable-body", "the CSV body could not be read: " + e.getMessage());
        }
        if (progress.imported > 0) {
            events.publishEvent(new LabelsChanged(progress.imported));
        }
        progress.rejected.sort(Comparator.comparingLong(ImportReport.Rejection::line));
        return new ImportReport(progress.imported, progress.rejectedCount, progress.rejected);
    }

    private void store(List<Line> batch, Progress progress) {
        List<Parsed> parsed = new ArrayList<>();
        for (Line line : batch) {
            String[] fields = line.text().split(",", 3);
            String sha256 = fields[0].strip().toLowerCase(Locale.ROOT);
            Truth truth = fields.length > 1 ? Truth.parseOrNull(fields[1]) : null;
            if (!SHA256.matcher(sha256).matches()) {
                progress.reject(line, sha256, "not a sha256 (64 hexadecimal characters)");
            } else if (truth == null) {
                progress.reject(line, sha256, "label must be 'malicious' or 'benign'");
            } else {
                String source = fields.length > 2 ? unquote(fields[2]) : null;
                if (source != null && source.length() > Labels.MAX_SOURCE) {
                    progress.reject(line, sha256, "source longer than " + Labels.MAX_SOURCE + " characters");
                } else if (source != null && source.indexOf('\0') >= 0) {
                    progress.reject(line, sha256, "source may not contain the NUL character");
                } else {
                    parsed.add(new Parsed(line, sha256, truth, source));
                }
            }
        }
        Set<String> known = labels.known(parsed.stream().map(Parsed::sha256).toList());
        for (Parsed p : parsed) {
            if (known.contains(p.sha256())) {
                labels.store(p.sha256(), p.truth(), p.source(), progress.labelledBy, progress.now);
                progress.imported++;
            } else {
                progress.reject(p.line(), p.sha256(), "unknown file: no file with this sha256 was uploaded");
            }
        }
    }

    private static String unquote(String field) {
        String source = field.strip();
        if (source.length() >= 2 && source.startsWith("\"") && source.endsWith("\"")) {
            source = source.substring(1, source.length() - 1).replace("\"\"", "\"");
        }
        return source.isEmpty() ? null : source;
    }

    private record Line(long number, String text) {
    }

    private record Parsed(Line line, String sha256, Truth truth, String source) {
    }

    private static final class Progress {
        private final String labelledBy;
        private final Instant now;
        private final List<ImportReport.Rejection> rejected = new ArrayList<>();
        private int imported;
        private int rejectedCount;

        Progress(String labelledBy, Instant now) {
            this.labelledBy = labelledBy;
            this.now = now;
        }

        void reject(Line line, String sha256, String reason) {
            rejectedCount++;
            if (rejected.size() < MAX_REPORTED) {
                String shown = sha256.length() > 64 ? sha256.substring(0, 64) + "…" : sha256;
                rejected.add(new ImportReport.Rejection(line.number(), shown.isEmpty() ? null : shown, reason));
            }
        }
    }
}
