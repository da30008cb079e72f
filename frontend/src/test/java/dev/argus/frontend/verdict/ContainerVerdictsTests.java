package dev.argus.frontend.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.common.message.Extraction;
import dev.argus.common.message.ExtractionStatus;
import dev.argus.frontend.verdict.ContainerVerdicts.Node;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerVerdictsTests {

    static final Verdict CLEAN = new Verdict(Verdict.Label.CLEAN, 1.0, "threshold", List.of("0 of 2 engines"));
    static final Verdict MALICIOUS = new Verdict(Verdict.Label.MALICIOUS, 0.9, "threshold", List.of("clamav=malicious"));
    static final Extraction EXTRACTED = new Extraction(ExtractionStatus.EXTRACTED, null, 1);

    @Test
    void aContainerTakesTheWorstVerdictBelowItAndNamesThePathEvenWhenItWasAlreadyAsBad() {
        Map<String, Verdict> clean = ContainerVerdicts.judge(List.of(
                new Node("a", null, "outer.zip", CLEAN, EXTRACTED, List.of()),
                new Node("b", "a", "docs/inner.7z", CLEAN, EXTRACTED, List.of()),
                new Node("c", "b", "payload.exe", MALICIOUS, null, List.of("clamav Eicar-Signature"))));
        assertThat(clean.get("a").label()).isEqualTo(Verdict.Label.MALICIOUS);
        assertThat(clean.get("a").confidence()).isEqualTo(0.9);
        assertThat(clean.get("a").explanation()).first()
                .isEqualTo("outer.zip › docs/inner.7z › payload.exe: clamav Eicar-Signature");
        assertThat(clean.get("a").explanation()).contains("0 of 2 engines");
        assertThat(clean.get("b").explanation()).first().isEqualTo("docs/inner.7z › payload.exe: clamav Eicar-Signature");
        assertThat(clean.get("c")).isSameAs(MALICIOUS);

        Map<String, Verdict> alreadyMalicious = ContainerVerdicts.judge(List.of(
                new Node("a", null, "outer.zip", MALICIOUS, EXTRACTED, List.of("clamav Zip.Eicar")),
                new Node("c", "a", "payload.exe", MALICIOUS, null, List.of("clamav Eicar-Signature"))));
        assertThat(alreadyMalicious.get("a").explanation()).first()
                .isEqualTo("outer.zip › payload.exe: clamav Eicar-Signature");
    }

    @Test
    void aBlockListedMemberFlagsItsArchiveAndThePathNamesTheOverride() {
        Verdict blocked = new Verdict(Verdict.Label.MALICIOUS, 1.0, Verdicts.OVERRIDE,
                List.of("block-listed by alice: incident 12", "the engines alone: clean (threshold)"));
        Map<String, Verdict> verdicts = ContainerVerdicts.judge(List.of(
                new Node("a", null, "outer.zip", CLEAN, EXTRACTED, List.of()),
                new Node("c", "a", "payload.exe", blocked, null, List.of())));

        assertThat(verdicts.get("a").label()).isEqualTo(Verdict.Label.MALICIOUS);
        assertThat(verdicts.get("a").explanation()).first()
                .isEqualTo("outer.zip › payload.exe: block-listed by alice: incident 12");
    }

    @Test
    void aContainerWhoseContentWasNotAllScannedIsSuspiciousNeverCleanAndItWaitsForWhatItHolds() {
        Extraction locked = new Extraction(ExtractionStatus.ENCRYPTED, "no password opened it (5 tried)", 1);
        Map<String, Verdict> verdicts = ContainerVerdicts.judge(List.of(
                new Node("a", null, "outer.zip", CLEAN, EXTRACTED, List.of()),
                new Node("b", "a", "inner.zip", CLEAN, locked, List.of())));
        assertThat(verdicts.get("b").label()).isEqualTo(Verdict.Label.SUSPICIOUS);
        assertThat(verdicts.get("b").explanation()).first()
                .isEqualTo("inner.zip: encrypted (no password opened it (5 tried)), content not scanned");
        assertThat(verdicts.get("a").label()).isEqualTo(Verdict.Label.SUSPICIOUS);
        assertThat(verdicts.get("a").explanation()).first()
                .isEqualTo("outer.zip › inner.zip: encrypted (no password opened it (5 tried)), content not scanned");

        Map<String, Verdict> pending = ContainerVerdicts.judge(List.of(
                new Node("a", null, "outer.zip", CLEAN, EXTRACTED, List.of()),
                new Node("b", "a", "inner.zip", null, null, List.of())));
        assertThat(pending.get("a")).isNull();
    }

    @Test
    void aLoopOrAMissingParentNeverHangsAndAnUnknownParentIsARoot() {
        Map<String, Verdict> verdicts = ContainerVerdicts.judge(List.of(
                new Node("a", "b", "a.zip", CLEAN, EXTRACTED, List.of()),
                new Node("b", "a", "b.zip", MALICIOUS, EXTRACTED, List.of("yara X")),
                new Node("c", "nowhere", "c.txt", CLEAN, null, List.of())));
        assertThat(verdicts.get("a").label()).isEqualTo(Verdict.Label.MALICIOUS);
        assertThat(verdicts.get("c")).isSameAs(CLEAN);
    }
}
