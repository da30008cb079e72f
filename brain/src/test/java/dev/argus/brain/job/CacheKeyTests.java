package dev.argus.brain.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.common.message.Category;
import dev.argus.common.message.ProbeCategory;
import dev.argus.common.message.ProbeDescriptor;
import org.junit.jupiter.api.Test;

class CacheKeyTests {

    private static final String SHA = "a".repeat(64);

    @Test
    void keyCarriesTheProbesCurrentVersions() {
        assertThat(CacheKey.forPair(false, SHA, probe("1.4.6", "27800")))
                .contains(new CacheKey(SHA, "clamav", "1.4.6", "27800"));
    }

    @Test
    void keyWithoutSignatureVersionMatchesResultsWithoutOne() {
        assertThat(CacheKey.forPair(false, SHA, probe("1.4.6", null)))
                .contains(new CacheKey(SHA, "clamav", "1.4.6", null));
    }

    @Test
    void forcedScanSkipsTheCache() {
        assertThat(CacheKey.forPair(true, SHA, probe("1.4.6", "27800"))).isEmpty();
    }

    @Test
    void probeWithoutEngineVersionSkipsTheCache() {
        assertThat(CacheKey.forPair(false, SHA, probe(null, "27800"))).isEmpty();
        assertThat(CacheKey.forPair(false, SHA, probe(" ", "27800"))).isEmpty();
    }

    @Test
    void onlyConclusiveCategoriesAreReused() {
        assertThat(CacheKey.CACHEABLE).containsExactlyInAnyOrder(Category.MALICIOUS, Category.SUSPICIOUS,
                Category.UNDETECTED, Category.HARMLESS);
    }

    private static ProbeDescriptor probe(String engineVersion, String signatureVersion) {
        return new ProbeDescriptor("clamav", "ClamAV", ProbeCategory.ANTIVIRUS, "1", engineVersion, signatureVersion,
                null, 1000);
    }
}
