package dev.argus.probe.engine.yara;

import dev.argus.probe.engine.support.DirectorySnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A rule set compiled by {@code yarac} into one file. Scans {@link #acquire()} it and {@link #release()} it when
 * their {@code yara} process has finished; once {@link #retire() retired} (replaced by a newer set) the file is
 * deleted when the last scan using it releases it, so a reload never pulls the file from under a running scan.
 * Thread-safe.
 *
 * @see RuleSetCompiler
 */
final class CompiledRules implements DirectorySnapshot {

    private static final Logger log = LoggerFactory.getLogger(CompiledRules.class);

    private final Path file;
    private final String version;
    private final List<String> ruleFiles;
    private final String compiledBy;
    /** The current-set reference (until retired) plus one per running scan; the file goes at zero. */
    private final AtomicInteger references = new AtomicInteger(1);

    /**
     * @param file       the compiled rules
     * @param version    the rule set's digest, {@code rules:<12 hex>}
     * @param ruleFiles  the source files' names
     * @param compiledBy the YARA version that compiled them
     */
    CompiledRules(Path file, String version, List<String> ruleFiles, String compiledBy) {
        this.file = file;
        this.version = version;
        this.ruleFiles = List.copyOf(ruleFiles);
        this.compiledBy = compiledBy;
    }

    Path file() {
        return file;
    }

    List<String> ruleFiles() {
        return ruleFiles;
    }

    String compiledBy() {
        return compiledBy;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public String summary() {
        return ruleFiles.size() + " rule file(s) " + ruleFiles;
    }

    /** Takes a reference for one scan; false when the set was retired and its file is gone. */
    boolean acquire() {
        while (true) {
            int count = references.get();
            if (count == 0) {
                return false;
            }
            if (references.compareAndSet(count, count + 1)) {
                return true;
            }
        }
    }

    /** Gives back a reference taken by {@link #acquire()}. */
    void release() {
        if (references.decrementAndGet() == 0) {
            delete();
        }
    }

    @Override
    public void retire() {
        release();
    }

    private void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.debug("could not delete compiled rules {}: {}", file, e.toString());
        }
    }
}
