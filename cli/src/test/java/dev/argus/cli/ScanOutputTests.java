package dev.argus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The plain, terminal and JSON output of {@code argus scan}, and the exit code that follows from outcomes. */
class ScanOutputTests {

    static final String EICAR_RESULT = """
            {"sha256": "275a", "depth": 0, "status": "done",
             "results": {"clamav": {"category": "malicious", "result": "Eicar-Test-Signature"},
                         "metadata": {"category": "undetected", "result": null}},
             "verdict": {"label": "malicious", "confidence": 0.97, "method": "threshold"}}""";
    static final String CLEAN_RESULT = """
            {"sha256": "aaaa", "depth": 0, "status": "done",
             "results": {"clamav": {"category": "undetected", "result": null}},
             "verdict": {"label": "clean", "confidence": 0.9, "method": "threshold"}}""";

    final FileOutcome eicar = FileOutcome.judged("dir/eicar.com", "275a", 68, "s1", json(EICAR_RESULT));
    final FileOutcome clean = FileOutcome.judged("dir/a.txt", "aaaa", 3, "s1", json(CLEAN_RESULT));
    final FileCollector.Problem unreadable = new FileCollector.Problem(Path.of("dir/secret"), "permission denied");
    final FileCollector.Problem link = new FileCollector.Problem(Path.of("dir/link"), "symbolic link (not followed)");

    @Test
    void printsOneLinePerFileWithTheDetectingEngines() {
        assertThat(ScanReporter.line(eicar)).isEqualTo("dir/eicar.com: malicious [clamav: Eicar-Test-Signature]");
        assertThat(ScanReporter.line(clean)).isEqualTo("dir/a.txt: clean");
        assertThat(ScanReporter.line(FileOutcome.submitted("x", "bb", 1, "s9"))).isEqualTo("x: submitted (scan s9)");
        assertThat(ScanReporter.line(FileOutcome.judged("y", "cc", 1, "s9", null))).isEqualTo("y: unknown");
    }

    @Test
    void plainOutputHasOneLinePerFileThenErrorsAndSkipped() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ScanReporter.Plain plain = new ScanReporter.Plain(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        plain.finished(List.of(eicar, clean));
        plain.ended(summary(true));

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "dir/eicar.com: malicious [clamav: Eicar-Test-Signature]", "dir/a.txt: clean",
                "dir/secret: error: permission denied", "dir/link: skipped: symbolic link (not followed)");
    }

    @Test
    void terminalOutputRedrawsOneProgressLineAndListsOnlyWhatIsNotClean() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ScanReporter.Terminal terminal = new ScanReporter.Terminal(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        terminal.started(2);
        terminal.uploaded(2);
        terminal.finished(List.of(eicar, clean));
        assertThat(terminal.progress()).isEqualTo("uploaded 2/2  finished 2/2  malicious 1");
        terminal.ended(summary(true));

        String output = bytes.toString(StandardCharsets.UTF_8);
        assertThat(output).contains("\r\033[Kuploaded 0/2  finished 0/2  malicious 0")
                .contains("dir/eicar.com: malicious [clamav: Eicar-Test-Signature]")
                .doesNotContain("dir/a.txt: clean")
                .contains("2 files scanned: 1 malicious, 0 suspicious, 1 clean, 0 unknown; 1 errors, 1 skipped");
    }

    @Test
    void jsonOutputIsOneDocumentWithFilesErrorsSummaryAndExitCode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new ScanReporter.Json(new PrintStream(bytes, true, StandardCharsets.UTF_8)).ended(summary(true));

        JsonNode document = json(bytes.toString(StandardCharsets.UTF_8));

        assertThat(document.path("scans").get(0).asString()).isEqualTo("s1");
        assertThat(document.path("files")).hasSize(2);
        JsonNode first = document.path("files").get(0);
        assertThat(first.path("path").asString()).isEqualTo("dir/eicar.com");
        assertThat(first.path("verdict").asString()).isEqualTo("malicious");
        assertThat(first.path("detections").get(0).path("engine").asString()).isEqualTo("clamav");
        assertThat(first.path("detections").get(0).path("threat").asString()).isEqualTo("Eicar-Test-Signature");
        assertThat(document.path("errors").get(0).path("reason").asString()).isEqualTo("permission denied");
        assertThat(document.path("summary").path("malicious").asInt()).isEqualTo(1);
        assertThat(document.path("exitCode").asInt()).isEqualTo(1);
    }

    @Test
    void exitCodeIsOneForAnythingMaliciousElseTwoForErrorsElseZero() {
        assertThat(new ScanSummary(true, List.of(), List.of(eicar, clean), List.of(unreadable), List.of())
                .exitCode()).isEqualTo(ExitCodes.MALICIOUS);
        assertThat(new ScanSummary(true, List.of(), List.of(clean), List.of(unreadable), List.of()).exitCode())
                .isEqualTo(ExitCodes.ERROR);
        assertThat(new ScanSummary(true, List.of(), List.of(clean), List.of(), List.of(link)).exitCode())
                .isEqualTo(ExitCodes.CLEAN);
        assertThat(new ScanSummary(false, List.of("s1"), List.of(FileOutcome.submitted("x", "b", 1, "s1")),
                List.of(), List.of()).exitCode()).isEqualTo(ExitCodes.CLEAN);
    }

    private ScanSummary summary(boolean waited) {
        return new ScanSummary(waited, List.of("s1"), List.of(eicar, clean), List.of(unreadable), List.of(link));
    }

    static JsonNode json(String text) {
        return ArgusClient.JSON.readTree(text);
    }
}
