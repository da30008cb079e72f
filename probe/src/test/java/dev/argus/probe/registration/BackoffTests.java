package dev.argus.probe.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTests {

    @Test
    void registrationWaitsOneSecondThenDoublesUpToThirtySeconds() {
        assertThat(IntStream.rangeClosed(1, 8).mapToObj(Backoff.REGISTRATION::delayAfter).map(Duration::toSeconds))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
    }

    @Test
    void staysAtTheMaximumAfterManyFailures() {
        assertThat(Backoff.REGISTRATION.delayAfter(1_000)).isEqualTo(Duration.ofSeconds(30));
        assertThat(Backoff.REGISTRATION.delayAfter(63)).isEqualTo(Duration.ofSeconds(30));
        assertThat(Backoff.REGISTRATION.delayAfter(40)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> Backoff.REGISTRATION.delayAfter(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
