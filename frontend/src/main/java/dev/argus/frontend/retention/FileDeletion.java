package dev.argus.frontend.retention;

import dev.argus.common.message.ForgetFiles;
import dev.argus.common.store.FileStore;
import dev.argus.frontend.audit.AuditLog;
import dev.argus.frontend.catalog.StoredFile;
import dev.argus.frontend.security.Caller;
import dev.argus.frontend.web.ApiException;
import dev.argus.messaging.MessagePublisher;
import dev.argus.messaging.OutboundMessage;
import dev.argus.messaging.Routes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes a file and every row about it: its names, labels, legal hold, archive memberships, its place and results in
 * every scan (a scan left with no file is deleted with its webhook deliveries), and the file row; then its bytes in
 * the store, and the brain is told ({@code ForgetFiles}) to forget its finished jobs of them (its result cache). The
 * files found inside it go too, recursively, except a file that is on legal hold, was also submitted
 * on its own, or was also found in an archive that stays; such a file stays with everything found inside it.
 *
 * <p>The rows go in one transaction, which commits only once the broker confirmed the {@code ForgetFiles} (a
 * broker outage fails the deletion with nothing deleted); the bytes go after it commits: when the store fails then, the bytes are left as
 * an orphan for {@link OrphanSweep}. The progress counters of a scan that keeps other files are left as they were.
 */
@Service
public class FileDeletion {

    private static final Logger log = LoggerFactory.getLogger(FileDeletion.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final LegalHolds holds;
    private final FileStore store;
    private final AuditLog audit;
    private final MessagePublisher publisher;

    FileDeletion(JdbcClient jdbc, TransactionTemplate transactions, LegalHolds holds, FileStore store,
                 AuditLog audit, MessagePublisher publisher) {
        this.publisher = publisher;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.holds = holds;
        this.store = store;
        this.audit = audit;
    }

    /**
     * An admin's deletion of the file with this md5, sha1 or sha256, audited as {@code file-deleted}: 400 for a
     * malformed hash, 404 when unknown, 409 when the file is on legal hold and {@code force} is false (a forced
     * deletion lifts the hold).
     */
    public Deleted delete(String hashText, boolean force, Caller admin) {
        Deleted deleted = transactions.execute(status -> {
            StoredFile file = holds.find(hashText);
            if (!lock(file.sha256())) {
                throw ApiException.notFound("file-not-found", "file " + file.sha256() + " was deleted meanwhile");
            }
            if (!force && holds.isHeld(file.sha256())) {
                throw ApiException.conflict("legal-hold", "file " + file.sha256()
                        + " is on legal hold: lift the hold first, or delete with force=true");
            }
            Deleted removed = removeRows(file.sha256());
            audit.record(admin, "file-deleted", file.sha256(), removed.describe() + (force ? ", forced" : ""));
            return removed;
        });
        removeBytes(deleted);
        return deleted;
    }

    /**
     * Retention's deletion of an expired file (a sha256), not audited one by one: nothing when it is gone already or
     * held meanwhile.
     */
    Deleted expire(String sha256) {
        Deleted deleted = transactions.execute(status -> {
            if (!lock(sha256) || holds.isHeld(sha256)) {
                return Deleted.NOTHING;
            }
            return removeRows(sha256);
        });
        removeBytes(deleted);
        return deleted;
    }

    /** Locks the file's row against a concurrent deletion; false when it is gone. */
    private boolean lock(String sha256) {
        return !jdbc.sql("select sha256 from file where sha256 = ? for update").param(sha256)
                .query(String.class).list().isEmpty();
    }

    private Deleted removeRows(String root) {
        Set<String> doomed = doomed(root);
        String[] shas = doomed.toArray(String[]::new);
        long bytes = jdbc.sql("select coalesce(sum(size), 0) from file where sha256 = any(:s)").param("s", shas)
                .query(Long.class).single();
        UUID[] scans = jdbc.sql("select distinct scan_id from scan_file where sha256 = any(:s)")
                .param("s", shas).query(UUID.class).list().toArray(UUID[]::new);
        jdbc.sql("delete from scan_result where sha256 = any(:s)").param("s", shas).update();
        jdbc.sql("delete from scan_result_early where sha256 = any(:s)").param("s", shas).update();
        jdbc.sql("delete from scan_file where sha256 = any(:s)").param("s", shas).update();
        int emptied = jdbc.sql("""
                        delete from scan s where s.id = any(:scans)
                        and not exists (select 1 from scan_file f where f.scan_id = s.id)""")
                .param("scans", scans)
                .update();
        jdbc.sql("delete from file_name where sha256 = any(:s)").param("s", shas).update();
        jdbc.sql("delete from file_label where sha256 = any(:s)").param("s", shas).update();
        jdbc.sql("delete from file_member where parent = any(:s) or child = any(:s)").param("s", shas).update();
        jdbc.sql("delete from legal_hold where sha256 = any(:s)").param("s", shas).update();
        jdbc.sql("delete from file where sha256 = any(:s)").param("s", shas).update();
        forgetInBrain(List.copyOf(doomed));
        return new Deleted(List.copyOf(doomed), bytes, emptied);
    }

    /** Tells the brain to forget its finished jobs of the files, confirmed before the rows' commit. */
    private void forgetInBrain(List<String> sha256s) {
        Instant now = Instant.now();
        List<OutboundMessage> messages = new ArrayList<>();
        for (int from = 0; from < sha256s.size(); from += ForgetFiles.MAX_FILES) {
            List<String> chunk = sha256s.subList(from, Math.min(sha256s.size(), from + ForgetFiles.MAX_FILES));
            messages.add(Routes.forgetFiles(new ForgetFiles(List.copyOf(chunk), now)));
        }
        publisher.publishAll(messages);
    }

    /**
     * The root and what was found inside it, minus every file that must stay (held, submitted on its own, or found
     * in an archive that stays) and what is inside those: repeated until nothing more stays.
     */
    private Set<String> doomed(String root) {
        Set<String> doomed = new LinkedHashSet<>();
        doomed.add(root);
        doomed.addAll(jdbc.sql("""
                        with recursive tree (child) as (
                            select child from file_member where parent = :root
                            union
                            select m.child from file_member m join tree t on m.parent = t.child)
                        select child from tree where child <> :root""")
                .param("root", root).query(String.class).list());
        if (doomed.size() == 1) {
            return doomed;
        }
        String[] inside = doomed.stream().skip(1).toArray(String[]::new);
        Set<String> mustStay = new HashSet<>(jdbc.sql("""
                        select sha256 from legal_hold where sha256 = any(:s)
                        union
                        select sha256 from scan_file where sha256 = any(:s) and parent is null""")
                .param("s", inside).query(String.class).list());
        Map<String, List<String>> parents = jdbc.sql("select child, parent from file_member where child = any(:s)")
                .param("s", inside)
                .query((rs, row) -> Map.entry(rs.getString("child"), rs.getString("parent"))).list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        doomed.removeAll(mustStay);
        boolean changed = true;
        while (changed) {
            changed = doomed.removeIf(sha -> !sha.equals(root)
                    && parents.getOrDefault(sha, List.of()).stream().anyMatch(parent -> !doomed.contains(parent)));
        }
        return doomed;
    }

    private void removeBytes(Deleted deleted) {
        for (String sha256 : deleted.files()) {
            try {
                store.delete(sha256);
            } catch (RuntimeException e) {
                log.warn("Could not delete {} from the file store, the orphan sweep will: {}", sha256, e.toString());
            }
        }
    }

    /**
     * What a deletion removed.
     *
     * @param files         the sha256 of each file deleted, the one asked for first
     * @param bytes         their total size
     * @param scansEmptied  scans deleted because no file was left in them
     */
    public record Deleted(List<String> files, long bytes, int scansEmptied) {

        static final Deleted NOTHING = new Deleted(List.of(), 0, 0);

        String describe() {
            return files.size() + " file(s) (" + (files.size() - 1) + " found inside), " + bytes + " bytes, "
                    + scansEmptied + " scan(s) left empty deleted";
        }
    }
}
