package dev.argus.frontend.label;

import dev.argus.frontend.catalog.Hash;
import dev.argus.frontend.web.ApiException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores labels: a new label for a file becomes its current one, the earlier ones stay as its history. */
@Service
public class Labels {

    /** The longest source text kept. */
    static final int MAX_SOURCE = 500;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    Labels(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Labels one file (400 for a malformed hash or label, 404 for an unknown file). */
    @Transactional
    public LabelView label(String sha256Text, LabelRequest request, String labelledBy) {
        String sha256 = Hash.sha256(sha256Text, "sha256");
        if (request == null) {
            throw ApiException.badRequest("malformed-json", "a JSON body {\"label\":\"malicious|benign\"} is required");
        }
        Truth truth = Truth.parse(request.label(), "label");
        String source = source(request.source());
        if (known(List.of(sha256)).isEmpty()) {
            throw ApiException.notFound("file-not-found", "no file with sha256 " + sha256);
        }
        Instant now = Instant.now();
        store(sha256, truth, source, labelledBy, now);
        events.publishEvent(new LabelsChanged(1));
        return new LabelView(sha256, truth, source, labelledBy, now, true);
    }

    /**
     * A file's labels, newest first (empty for a file never labelled), with who set each: show them through
     * {@link LabelView#seenBy}.
     */
    @Transactional(readOnly = true)
    public List<LabelView> history(String sha256Text) {
        String sha256 = Hash.sha256(sha256Text, "sha256");
        return jdbc.sql("""
                        select sha256, label, source, labelled_by, labelled_at, current from file_label
                        where sha256 = ? order by id desc""")
                .param(sha256)
                .query((rs, n) -> new LabelView(rs.getString(1), Truth.parseOrNull(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getBoolean(6)))
                .list();
    }

    /** Which of these sha256s the catalogue knows. */
    Set<String> known(Collection<String> sha256s) {
        if (sha256s.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select sha256 from file where sha256 in (:sha256s)")
                .param("sha256s", sha256s).query(String.class).list());
    }

    /** Makes the label current for the file, keeping the earlier one as history; in the caller's transaction. */
    void store(String sha256, Truth truth, String source, String labelledBy, Instant now) {
        jdbc.sql("update file_label set current = false where sha256 = ? and current").param(sha256).update();
        jdbc.sql("""
                        insert into file_label (sha256, label, source, labelled_by, labelled_at, current)
                        values (?, ?, ?, ?, ?, true)""")
                .params(sha256, truth.wireName(), source, labelledBy, Timestamp.from(now))
                .update();
    }

    /** Trims the source; a 400 problem when it is too long. */
    static String source(String source) {
        if (source == null || source.isBlank()) {
            return null;
        }
        String trimmed = source.strip();
        if (trimmed.length() > MAX_SOURCE) {
            throw ApiException.badRequest("invalid-field",
                    "field 'source': at most " + MAX_SOURCE + " characters, got " + trimmed.length());
        }
        return trimmed;
    }
}
