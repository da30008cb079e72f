package dev.argus.brain.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.common.message.ProbeCategory;
import dev.argus.common.message.ProbeDescriptor;
import dev.argus.common.message.ProbeStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LivenessTests {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private static final Duration OFFLINE_AFTER = Duration.ofSeconds(15);

    @Test
    void probeIsOnlineWhileAnInstanceWasSeenWithinTheThreshold() {
        List<ProbeStatus> directory = Liveness.directory(List.of(probe("clamav", 5)),
                List.of(instance("a", "clamav", 5), instance("b", "clamav", 15)), NOW, OFFLINE_AFTER);

        assertThat(directory).singleElement().satisfies(s -> {
            assertThat(s.online()).isTrue();
            assertThat(s.instances()).isEqualTo(2);
            assertThat(s.lastSeen()).isEqualTo(NOW.minusSeconds(5));
        });
    }

    @Test
    void silentInstancesAreNotCounted() {
        List<ProbeStatus> directory = Liveness.directory(List.of(probe("clamav", 5)),
                List.of(instance("a", "clamav", 5), instance("b", "clamav", 16)), NOW, OFFLINE_AFTER);

        assertThat(directory.getFirst().instances()).isEqualTo(1);
    }

    @Test
    void probeWithoutRecentInstanceIsOffline() {
        List<ProbeStatus> directory = Liveness.directory(List.of(probe("clamav", 60)),
                List.of(instance("a", "clamav", 60)), NOW, OFFLINE_AFTER);

        assertThat(directory.getFirst().online()).isFalse();
        assertThat(directory.getFirst().instances()).isZero();
    }

    @Test
    void instancesCountOnlyForTheirOwnProbeAndDirectoryIsSortedByName() {
        List<ProbeStatus> directory = Liveness.directory(List.of(probe("yara", 1), probe("clamav", 1)),
                List.of(instance("a", "clamav", 1)), NOW, OFFLINE_AFTER);

        assertThat(directory).extracting(s -> s.probe().name()).containsExactly("clamav", "yara");
        assertThat(directory).extracting(ProbeStatus::online).containsExactly(true, false);
    }

    @Test
    void seenExactlyAtTheThresholdStillCountsAsAlive() {
        assertThat(Liveness.alive(NOW.minus(OFFLINE_AFTER), NOW, OFFLINE_AFTER)).isTrue();
        assertThat(Liveness.alive(NOW.minus(OFFLINE_AFTER).minusMillis(1), NOW, OFFLINE_AFTER)).isFalse();
    }

    private static Liveness.SeenProbe probe(String name, int secondsAgo) {
        return new Liveness.SeenProbe(new ProbeDescriptor(name, name, ProbeCategory.ANTIVIRUS, "1", "1", null, null, 1),
                NOW.minusSeconds(secondsAgo));
    }

    private static Liveness.SeenInstance instance(String id, String probe, int secondsAgo) {
        return new Liveness.SeenInstance(id, probe, NOW.minusSeconds(secondsAgo));
    }
}
