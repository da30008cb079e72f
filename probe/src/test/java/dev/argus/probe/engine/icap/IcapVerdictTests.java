package dev.argus.probe.engine.icap;

import static dev.argus.probe.engine.icap.IcapFixtures.ascii;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.argus.common.message.Category;
import dev.argus.probe.engine.icap.IcapResponse.BodySummary;
import dev.argus.probe.spi.EngineException;
import dev.argus.probe.spi.EngineVersions;
import dev.argus.probe.spi.ScanOutcome;
import dev.argus.probe.spi.TerminalEngineException;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class IcapVerdictTests {

    private static final EngineVersions VERSIONS = new EngineVersions("C-ICAP/0.5.10", IcapFixtures.ISTAG);
    private static final String CLEAN = "hello icap, clean content\n";

    private final IcapVerdict verdict = new IcapVerdict(new ThreatHeaders(List.of("X-Virus-ID")),
            "icap://127.0.0.1:1344/virus_scan");

    @Test
    void answer204IsUndetected() throws Exception {
        ScanOutcome outcome = outcome(IcapFixtures.UNMODIFIED, CLEAN);

        assertThat(outcome.category()).isEqualTo(Category.UNDETECTED);
        assertThat(outcome.threat()).isNull();
        assertThat(outcome.versions()).isEqualTo(VERSIONS);
    }

    @Test
    void cicapVirusAnswerIsMaliciousNamingTheThreat() throws Exception {
        ScanOutcome outcome = outcome(IcapFixtures.VIRUS_FOUND, IcapFixtures.EICAR);

        assertThat(outcome.category()).isEqualTo(Category.MALICIOUS);
        assertThat(outcome.threat()).isEqualTo("Eicar-Test-Signature-Body.UNOFFICIAL");
        assertThat(outcome.details()).containsEntry("icapStatus", 200).containsEntry("httpStatus", 403)
                .containsEntry("threats", List.of("Eicar-Test-Signature-Body.UNOFFICIAL"));
    }

    @Test
    void answer200EchoingTheFileUnchangedIsUndetected() throws Exception {
        ScanOutcome outcome = outcome(IcapFixtures.echo(CLEAN), CLEAN);

        assertThat(outcome.category()).isEqualTo(Category.UNDETECTED);
        assertThat(outcome.details()).containsEntry("unmodified", true);
    }

    @Test
    void answer200EchoingAnEmptyFileIsUndetected() throws Exception {
        assertThat(outcome(IcapFixtures.echo(""), "").category()).isEqualTo(Category.UNDETECTED);
    }

    @Test
    void answer200WithOtherContentAndNoThreatNameIsAMaliciousReplacement() throws Exception {
        ScanOutcome outcome = outcome(IcapFixtures.echo("<html>blocked</html>"), CLEAN);

        assertThat(outcome.category()).isEqualTo(Category.MALICIOUS);
        assertThat(outcome.threat()).isNull();
        assertThat(outcome.details()).containsEntry("replaced", true);
    }

    @Test
    void answer200CuttingTheFileShortIsMalicious() throws Exception {
        // c-icap's virus_scan ("partially blocked"): the head of the answer went out before the virus was found
        String http = "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: 26\r\n"
                + "Via: ICAP/1.0 vm (C-ICAP/0.5.10 Antivirus service )\r\n\r\n";
        ScanOutcome outcome = outcome("ICAP/1.0 200 OK\r\nServer: C-ICAP/0.5.10\r\nISTag: \"" + IcapFixtures.ISTAG
                + "\"\r\nEncapsulated: res-hdr=0, res-body=" + http.length() + "\r\n\r\n" + http + "0\r\n\r\n", CLEAN);

        assertThat(outcome.category()).isEqualTo(Category.MALICIOUS);
        assertThat(outcome.details()).containsEntry("replaced", true).containsEntry("httpStatus", 200);
    }

    @Test
    void answer200WithAnHttp403BlockPageAndNoThreatNameIsMalicious() throws Exception {
        String http = "HTTP/1.1 403 Forbidden\r\n\r\n";
        ScanOutcome outcome = outcome("ICAP/1.0 200 OK\r\nEncapsulated: res-hdr=0, null-body=" + http.length()
                + "\r\n\r\n" + http, CLEAN);

        assertThat(outcome.category()).isEqualTo(Category.MALICIOUS);
        assertThat(outcome.details()).containsEntry("httpStatus", 403);
    }

    @Test
    void icap403NamingAThreatIsMalicious() throws Exception {
        ScanOutcome outcome = outcome("ICAP/1.0 403 Forbidden\r\nX-Virus-ID: Win.Test.EICAR_HDB-1\r\n\r\n", CLEAN);

        assertThat(outcome.category()).isEqualTo(Category.MALICIOUS);
        assertThat(outcome.threat()).isEqualTo("Win.Test.EICAR_HDB-1");
    }

    @Test
    void onlyAContainerViolationIsSuspicious() throws Exception {
        String http = "HTTP/1.1 403 Forbidden\r\n\r\n";
        ScanOutcome outcome = outcome("ICAP/1.0 200 OK\r\nX-Infection-Found: Type=2; Resolution=2; Threat=Zip.Bomb;\r\n"
                + "Encapsulated: res-hdr=0, null-body=" + http.length() + "\r\n\r\n" + http, CLEAN);

        assertThat(outcome.category()).isEqualTo(Category.SUSPICIOUS);
        assertThat(outcome.threat()).isEqualTo("Zip.Bomb");
    }

    @Test
    void serverErrorsAndRequestTimeoutAreRetryableFailures() {
        assertThatThrownBy(() -> outcome(IcapFixtures.SERVER_ERROR, CLEAN))
                .isInstanceOf(EngineException.class).isNotInstanceOf(TerminalEngineException.class)
                .hasMessage("the ICAP service icap://127.0.0.1:1344/virus_scan failed: 500 Server error");
        assertThatThrownBy(() -> outcome("ICAP/1.0 503 Service Unavailable\r\n\r\n", CLEAN))
                .isNotInstanceOf(TerminalEngineException.class).hasMessageEndingWith("503 Service Unavailable");
        assertThatThrownBy(() -> outcome("ICAP/1.0 408 Request timeout\r\n\r\n", CLEAN))
                .isNotInstanceOf(TerminalEngineException.class).hasMessageEndingWith("408 Request timeout");
    }

    @Test
    void otherClientErrorsAreTerminalFailures() {
        assertThatThrownBy(() -> outcome(IcapFixtures.SERVICE_NOT_FOUND, CLEAN))
                .isInstanceOf(TerminalEngineException.class)
                .hasMessage("the ICAP service icap://127.0.0.1:1344/virus_scan refused the request:"
                        + " 404 Service not found");
        assertThatThrownBy(() -> outcome("ICAP/1.0 405 Method not allowed\r\n\r\n", CLEAN))
                .isInstanceOf(TerminalEngineException.class);
    }

    @Test
    void statusesOutsideTheExchangeAreTerminalFailures() {
        assertThatThrownBy(() -> outcome("ICAP/1.0 206 Partial Content\r\nEncapsulated: null-body=0\r\n\r\n", CLEAN))
                .isInstanceOf(TerminalEngineException.class).hasMessageContaining("unexpected status: 206");
        assertThatThrownBy(() -> outcome("ICAP/1.0 302 Found\r\n\r\n", CLEAN))
                .isInstanceOf(TerminalEngineException.class).hasMessageContaining("unexpected status: 302 Found");
    }

    @Test
    void answer200WithoutEncapsulatedHttpResponseIsMalformed() {
        assertThatThrownBy(() -> outcome("ICAP/1.0 200 OK\r\nEncapsulated: null-body=0\r\n\r\n", CLEAN))
                .isInstanceOf(TerminalEngineException.class)
                .hasMessageContaining("malformed message: ICAP 200 OK without an encapsulated HTTP response");
    }

    private ScanOutcome outcome(String wire, String sent) throws Exception {
        IcapResponse answer = new IcapResponseReader(new ByteArrayInputStream(ascii(wire))).read();
        Supplier<BodySummary> original = () -> ScanContent.of("f", ascii(sent)).summary();
        return verdict.outcome(answer, original, VERSIONS);
    }
}
