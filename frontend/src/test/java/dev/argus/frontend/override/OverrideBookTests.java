package dev.argus.frontend.override;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

/** The overrides' cache: reused within max-age, read again after it or after a change, kept while the database fails. */
class OverrideBookTests {

    private static final String FILE = "c".repeat(64);

    private final List<VerdictOverride> rows = new ArrayList<>();
    private int reads;
    private boolean failing;
    private final OverrideStore store = new OverrideStore(null) {
        @Override
        List<VerdictOverride> all() {
            reads++;
            if (failing) {
                throw new DataAccessResourceFailureException("database down");
            }
            return List.copyOf(rows);
        }
    };
    private Instant now = Instant.parse("2026-12-03T12:00:00Z");
    private final OverrideBook book = new OverrideBook(store, new OverrideProperties(Duration.ofSeconds(5)),
            new Clock() {
                @Override
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now;
                }
            });

    @Test
    void reusesTheOverridesWithinMaxAgeAndReadsThemAgainAfterIt() {
        assertThat(book.get().forFile(FILE)).isEmpty();
        rows.add(block());

        assertThat(book.get().forFile(FILE)).as("another frontend's change, within max-age").isEmpty();
        now = now.plusSeconds(5);
        assertThat(book.get().forFile(FILE)).isPresent();
        assertThat(reads).isEqualTo(2);
    }

    @Test
    void aChangeOnThisFrontendAppliesAtOnce() {
        assertThat(book.get().forFile(FILE)).isEmpty();
        rows.add(block());

        book.changed();

        assertThat(book.get().forFile(FILE)).isPresent();
    }

    @Test
    void keepsTheLastOverridesReadWhileTheDatabaseCannotBeRead() {
        rows.add(block());
        assertThat(book.get().forFile(FILE)).isPresent();
        failing = true;
        now = now.plusSeconds(60);

        assertThat(book.get().forFile(FILE)).isPresent();
    }

    private static VerdictOverride block() {
        return new VerdictOverride(1, FILE, null, null, OverrideAction.BLOCK, "r", "alice", Instant.EPOCH);
    }
}
