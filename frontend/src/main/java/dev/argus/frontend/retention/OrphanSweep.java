package dev.argus.frontend.retention;

import dev.argus.common.store.FileStore;
import dev.argus.common.store.StoredObject;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deletes store files that no {@code file} row references, directory by directory. A file written after the
 * cutoff is kept whatever the rows say: an upload stores its bytes before it commits its rows, and an extraction
 * probe stores what it found before the brain relays it. Each orphan is checked against the rows again just before
 * it is deleted. Names that are not a sha256 (an upload's partial file) are never touched.
 */
@Component
public class OrphanSweep {

    private final FileStore store;
    private final JdbcClient jdbc;

    OrphanSweep(FileStore store, JdbcClient jdbc) {
        this.store = store;
        this.jdbc = jdbc;
    }

    /** Sweeps every directory of the store. */
    Swept sweepAll(Instant writtenBefore) {
        return sweep(store.directories(), writtenBefore);
    }

    /**
     * Sweeps the given store directories ({@code ab/cd}): deletes each file no row references and last written
     * before {@code writtenBefore}.
     */
    public Swept sweep(List<String> directories, Instant writtenBefore) {
        int files = 0;
        long bytes = 0;
        for (String directory : directories) {
            List<String> keys = store.keys(directory);
            if (keys.isEmpty()) {
                continue;
            }
            Set<String> unreferenced = new HashSet<>(keys);
            unreferenced.removeAll(referenced(keys));
            for (String sha256 : unreferenced) {
                Optional<StoredObject> stored = store.stat(sha256);
                if (stored.isPresent() && stored.get().modifiedAt().isBefore(writtenBefore)
                        && referenced(List.of(sha256)).isEmpty() && store.delete(sha256)) {
                    files++;
                    bytes += stored.get().size();
                }
            }
        }
        return new Swept(files, bytes);
    }

    private List<String> referenced(List<String> keys) {
        return jdbc.sql("select sha256 from file where sha256 = any(:keys)")
                .param("keys", keys.toArray(String[]::new)).query(String.class).list();
    }

    /**
     * What a sweep removed.
     *
     * @param files orphans deleted
     * @param bytes their total size
     */
    public record Swept(int files, long bytes) {
    }
}
