package dev.argus.probe.spi;

import java.util.List;

/**
 * Contributes engines that are made from configuration rather than written as one bean each, e.g. one engine
 * per command-line antivirus configuration file, or one per private HTTP scanning service. Implementations are
 * Spring beans; the probe adds their engines to the {@link ScanEngine} beans before selecting, checking and
 * registering them, so a contributed engine is treated exactly like a bean engine (and a duplicate name fails
 * start-up the same way).
 */
@FunctionalInterface
public interface EngineSource {

    /**
     * The engines this source makes. Called once at start-up; must be cheap and must not contact the engines.
     *
     * @throws IllegalStateException with a sentence naming the faulty configuration, which stops the probe
     */
    List<ScanEngine> engines();
}
