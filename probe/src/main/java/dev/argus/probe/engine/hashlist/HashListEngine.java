package dev.argus.probe.engine.hashlist;

import dev.argus.common.message.Category;
import dev.argus.common.message.ProbeCategory;
import dev.argus.probe.engine.support.DirectoryFingerprint;
import dev.argus.probe.engine.support.ReloadingDirectory;
import dev.argus.probe.spi.EngineDependency;
import dev.argus.probe.spi.EngineException;
import dev.argus.probe.spi.EngineVersions;
import dev.argus.probe.spi.ScanEngine;
import dev.argus.probe.spi.ScanOutcome;
import dev.argus.probe.spi.TerminalEngineException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Known-bad and known-good hash lists from a directory, held in memory ({@link SortedHashSet}) and loaded again when
 * a list changes ({@link ReloadingDirectory}). The engine hashes each file itself (md5, sha1 and sha256 in one
 * pass): a hash on a known-bad list is {@code malicious} with the list's label as the threat, otherwise a hash on a
 * known-good list is {@code harmless}, otherwise {@code undetected}. Thread-safe: scans read an immutable snapshot.
 */
public final class HashListEngine implements ScanEngine, AutoCloseable {

    static final String NAME = "hashlist";
    /** The matching logic's version; change it when the same lists would give other answers. */
    static final String ENGINE_VERSION = "1.0";

    private final HashListProperties properties;
    private final ReloadingDirectory<HashLists> lists;

    public HashListEngine(HashListProperties properties) {
        this.properties = properties;
        this.lists = new ReloadingDirectory<>(NAME, properties.dir(), ListKind::isList,
                new HashListLoader(properties.dir()), properties.reloadInterval());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String displayName() {
        return "Hash lists";
    }

    @Override
    public ProbeCategory category() {
        return ProbeCategory.DATABASE;
    }

    /**
     * At least one list file; a directory without lists is reported as the missing file
     * {@code <dir>/*.{bad,good}.{txt,csv}}.
     */
    @Override
    public List<EngineDependency> dependencies() {
        Path dir = properties.dir();
        return List.of(new EngineDependency.FilePresent(hasLists(dir) ? dir : dir.resolve("*.{bad,good}.{txt,csv}")));
    }

    /**
     * Loads the lists. The time it takes grows with their size: about 2.5 s per million lines measured on a
     * 2-core machine.
     */
    @Override
    public void verify() throws EngineException {
        try {
            lists.start();
        } catch (Exception e) {
            throw new EngineException(Objects.requireNonNullElse(e.getMessage(), e.toString()), e);
        }
    }

    @Override
    public EngineVersions versions() {
        HashLists current = lists.current();
        return new EngineVersions(ENGINE_VERSION, current == null ? null : current.version());
    }

    /** The lists are watched in the background; this only reports the version of the ones in use. */
    @Override
    public EngineVersions refreshVersions() {
        return versions();
    }

    @Override
    public Duration timeout() {
        return properties.scanTimeout();
    }

    @Override
    public ScanOutcome scan(Path file) throws EngineException, InterruptedException {
        HashLists current = lists.current();
        if (current == null) {
            throw new EngineException("the hash lists are not loaded (verify() has not succeeded)");
        }
        FileHashes hashes;
        try {
            hashes = FileHashes.of(file);
        } catch (NoSuchFileException e) {
            throw new TerminalEngineException("no such file: " + file.getFileName(), e);
        } catch (IOException e) {
            throw new TerminalEngineException("cannot read the file: " + e.getMessage(), e);
        }
        List<HashLists.Match> matches = current.lookup(hashes);
        EngineVersions versions = new EngineVersions(ENGINE_VERSION, current.version());
        Map<String, Object> details = Map.of("matches", matches.stream().map(HashListEngine::describe).toList());
        return matches.stream().filter(match -> match.list().kind() == ListKind.BAD).findFirst()
                .map(bad -> new ScanOutcome(Category.MALICIOUS, bad.list().label(), details, versions))
                .orElseGet(() -> new ScanOutcome(matches.isEmpty() ? Category.UNDETECTED : Category.HARMLESS, null,
                        details, versions));
    }

    @Override
    public void close() {
        lists.close();
    }

    private static Map<String, Object> describe(HashLists.Match match) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("list", match.list().file());
        described.put("label", match.list().label());
        described.put("kind", match.list().kind().id());
        described.put("hash", match.algorithm().id());
        return described;
    }

    private static boolean hasLists(Path dir) {
        try {
            return !DirectoryFingerprint.matchingFiles(dir, ListKind::isList).isEmpty();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
