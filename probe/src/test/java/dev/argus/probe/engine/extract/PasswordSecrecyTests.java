package dev.argus.probe.engine.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.common.message.ExtractionStatus;
import dev.argus.probe.spi.ScanContext;
import dev.argus.probe.spi.ScanOutcome;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Passwords are secrets: they never appear in an outcome, its details, a detail sentence, a version or a toString. */
class PasswordSecrecyTests extends ExtractTestSupport {

    private static final String SCAN_PASSWORD = "Sc4n-Secret-7781";
    private static final String UNKNOWN = "Unknown-Secret-4410";

    @Test
    void noPasswordAppearsInWhatTheEngineReports() throws Exception {
        write("a.txt", "hidden text");
        run("zip", "-q", "-P", SCAN_PASSWORD, "opened.zip", "a.txt");
        run("zip", "-q", "-P", UNKNOWN, "locked.zip", "a.txt");
        run("7z", "a", "-bd", "-y", "-p" + UNKNOWN, "-mhe=on", "locked.7z", "a.txt");
        ExtractEngine engine = engine();

        ScanOutcome opened = scan(engine, dir.resolve("opened.zip"), SCAN_PASSWORD);
        ScanOutcome locked = scan(engine, dir.resolve("locked.zip"), SCAN_PASSWORD);
        ScanOutcome locked7z = scan(engine, dir.resolve("locked.7z"), SCAN_PASSWORD);

        assertThat(opened.extracted().root().status()).isEqualTo(ExtractionStatus.EXTRACTED);
        assertThat(locked.extracted().root().status()).isEqualTo(ExtractionStatus.ENCRYPTED);
        assertThat(locked7z.extracted().root().status()).isEqualTo(ExtractionStatus.ENCRYPTED);
        List<String> secrets = List.of(SCAN_PASSWORD, UNKNOWN, "infected", "malware", "123456");
        for (ScanOutcome outcome : List.of(opened, locked, locked7z)) {
            String everything = outcome + " " + outcome.details() + " " + outcome.extracted() + " "
                    + outcome.versions();
            for (String secret : secrets) {
                assertThat(everything).doesNotContain(secret);
            }
        }
        String configuration = ExtractProperties.defaults().toString() + engine.versions()
                + new ScanContext(UUID.randomUUID(), "0".repeat(64), List.of(SCAN_PASSWORD))
                + Passwords.of(List.of(SCAN_PASSWORD), List.of("infected"));
        for (String secret : secrets) {
            assertThat(configuration).doesNotContain(secret);
        }
    }
}
