package dev.argus.frontend.frontdoor.clamd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.common.message.Category;
import dev.argus.frontend.frontdoor.clamd.ClamdProperties.FoundOn;
import dev.argus.frontend.scan.FileResultView;
import dev.argus.frontend.scan.Progress;
import dev.argus.frontend.scan.ResultView;
import dev.argus.frontend.scan.ScanStatus;
import dev.argus.frontend.scan.ScanView;
import dev.argus.frontend.scan.Stats;
import dev.argus.frontend.verdict.Verdict;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The mapping of a finished scan to clamd's answer, and the detection name kept to one safe token. */
class ClamdAnswersTests {

    static final UUID ID = UUID.fromString("00000000-0000-0000-0000-000000000001");

    @Test
    void mapsEachVerdictToOkFoundOrError() {
        assertThat(answer(Verdict.Label.CLEAN, FoundOn.MALICIOUS).text()).isEqualTo("stream: OK");
        assertThat(answer(Verdict.Label.MALICIOUS, FoundOn.MALICIOUS).text())
                .isEqualTo("stream: Argus.clamav.Eicar FOUND");
        assertThat(answer(Verdict.Label.SUSPICIOUS, FoundOn.MALICIOUS).text()).isEqualTo("stream: OK");
        assertThat(answer(Verdict.Label.SUSPICIOUS, FoundOn.SUSPICIOUS).text())
                .isEqualTo("stream: Argus.clamav.Eicar FOUND");
        assertThat(answer(Verdict.Label.UNKNOWN, FoundOn.SUSPICIOUS).text()).endsWith(" ERROR")
                .contains("no Argus engine reached a conclusion");
        assertThat(ClamdScans.answer(new ClamdScans.Finished(ID, Optional.empty()), FoundOn.MALICIOUS).text())
                .isEqualTo("stream: Argus scan " + ID + " did not finish in time ERROR");
        ScanView cancelled = scan(ScanStatus.CANCELLED, null, Map.of());
        assertThat(ClamdScans.answer(new ClamdScans.Finished(ID, Optional.of(cancelled)), FoundOn.MALICIOUS).text())
                .isEqualTo("stream: Argus scan " + ID + " ended cancelled without a verdict ERROR");
    }

    @Test
    void namesTheFirstEngineThatNamedAThreatElseArgusMalicious() {
        Map<String, ResultView> results = new LinkedHashMap<>();
        results.put("clamav", result(Category.UNDETECTED, null));
        results.put("yara", result(Category.MALICIOUS, "Evil Rule\n2: stream: OK\0"));
        ScanView scan = scan(ScanStatus.FINISHED, verdict(Verdict.Label.MALICIOUS), results);

        String name = ClamdScans.detectionName(scan, Verdict.Label.MALICIOUS);

        assertThat(name).isEqualTo("Argus.yara.Evil_Rule?2:_stream:_OK?");
        assertThat(name).doesNotContain("\n", "\0", " ");
        assertThat(ClamdScans.detectionName(scan(ScanStatus.FINISHED, verdict(Verdict.Label.MALICIOUS),
                Map.of("clamav", result(Category.MALICIOUS, null))), Verdict.Label.MALICIOUS))
                .isEqualTo("Argus.Malicious");
        assertThat(ClamdScans.Answer.token("x".repeat(500))).hasSize(200);
        assertThat(ClamdScans.Answer.error("broken\r\nline\0").text()).isEqualTo("stream: broken??line? ERROR");
    }

    static ClamdScans.Answer answer(Verdict.Label label, FoundOn foundOn) {
        Category category = switch (label) {
            case MALICIOUS -> Category.MALICIOUS;
            case SUSPICIOUS -> Category.SUSPICIOUS;
            case CLEAN -> Category.UNDETECTED;
            case UNKNOWN -> Category.FAILURE;
        };
        ScanView scan = scan(ScanStatus.FINISHED, verdict(label),
                Map.of("clamav", result(category, category == Category.UNDETECTED ? null : "Eicar")));
        return ClamdScans.answer(new ClamdScans.Finished(ID, Optional.of(scan)), foundOn);
    }

    static Verdict verdict(Verdict.Label label) {
        return new Verdict(label, 1.0, "threshold", List.of());
    }

    static ResultView result(Category category, String threat) {
        return new ResultView(category, threat, "1", null, 1, null, false, Map.of());
    }

    static ScanView scan(ScanStatus status, Verdict verdict, Map<String, ResultView> results) {
        FileResultView file = new FileResultView("a".repeat(64), "b".repeat(32), "c".repeat(40), 1, "stream",
                "text/plain", FileResultView.Status.DONE, Stats.of(results.values()), results, verdict);
        return new ScanView(ID, status, Instant.now(), Instant.now(), new Progress(1, 1),
                List.copyOf(results.keySet()), false, List.of("clamd"), Map.of(), List.of(file));
    }
}
