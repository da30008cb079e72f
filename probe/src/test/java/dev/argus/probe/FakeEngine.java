package dev.argus.probe;

import dev.argus.common.message.Category;
import dev.argus.common.message.ProbeCategory;
import dev.argus.probe.spi.EngineDependency;
import dev.argus.probe.spi.EngineException;
import dev.argus.probe.spi.EngineVersions;
import dev.argus.probe.spi.ScanEngine;
import dev.argus.probe.spi.ScanOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A configurable engine for unit tests: records the files it saw and whether they existed during the scan. */
public final class FakeEngine implements ScanEngine {

    /** What {@link #scan(Path)} does. */
    @FunctionalInterface
    public interface Behaviour {
        ScanOutcome scan(Path file) throws EngineException, InterruptedException;
    }

    private final String name;
    private volatile Behaviour behaviour = file -> new ScanOutcome(Category.UNDETECTED, null, Map.of(),
            new EngineVersions("1.0", "sig-1"));
    private volatile Duration timeout = Duration.ofSeconds(5);
    private volatile List<EngineDependency> dependencies = List.of();
    private volatile EngineException verifyError;
    private volatile EngineVersions versions = EngineVersions.UNKNOWN;
    private final AtomicInteger refreshes = new AtomicInteger();
    private final List<Path> scanned = new CopyOnWriteArrayList<>();
    private final List<Boolean> existedDuringScan = new CopyOnWriteArrayList<>();

    public FakeEngine(String name) {
        this.name = name;
    }

    public FakeEngine behaving(Behaviour behaviour) {
        this.behaviour = behaviour;
        return this;
    }

    public FakeEngine withTimeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    public FakeEngine needing(EngineDependency... dependencies) {
        this.dependencies = List.of(dependencies);
        return this;
    }

    public FakeEngine failingVerify(String message) {
        this.verifyError = new EngineException(message);
        return this;
    }

    public FakeEngine withVersions(EngineVersions versions) {
        this.versions = versions;
        return this;
    }

    public List<Path> scanned() {
        return scanned;
    }

    public List<Boolean> existedDuringScan() {
        return existedDuringScan;
    }

    public int refreshes() {
        return refreshes.get();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String displayName() {
        return "Fake " + name;
    }

    @Override
    public ProbeCategory category() {
        return ProbeCategory.TOOLS;
    }

    @Override
    public List<EngineDependency> dependencies() {
        return dependencies;
    }

    @Override
    public void verify() throws EngineException {
        if (verifyError != null) {
            throw verifyError;
        }
    }

    @Override
    public EngineVersions versions() {
        return versions;
    }

    @Override
    public EngineVersions refreshVersions() {
        refreshes.incrementAndGet();
        return versions;
    }

    @Override
    public Duration timeout() {
        return timeout;
    }

    @Override
    public ScanOutcome scan(Path file) throws EngineException, InterruptedException {
        scanned.add(file);
        existedDuringScan.add(Files.exists(file));
        return behaviour.scan(file);
    }
}
