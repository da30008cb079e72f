package dev.argus.brain.job;

import dev.argus.common.message.EngineResult;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Finds a reusable result: the latest conclusive result an engine produced (origin ENGINE, status DONE) for
 * the same file, probe and versions. Cache hits, filter and offline results never feed it.
 */
@Component
public class ResultCache {

    private final JobRepository jobs;

    ResultCache(JobRepository jobs) {
        this.jobs = jobs;
    }

    /** The cached result for the key, if any. */
    public Optional<EngineResult> lookup(CacheKey key) {
        Optional<JobEntity> hit = key.signatureVersion() == null
                ? jobs.findLatestResultWithoutSignature(key.sha256(), key.probe(), key.engineVersion(), CacheKey.CACHEABLE)
                : jobs.findLatestResult(key.sha256(), key.probe(), key.engineVersion(), key.signatureVersion(),
                        CacheKey.CACHEABLE);
        return hit.map(JobEntity::engineResult);
    }
}
