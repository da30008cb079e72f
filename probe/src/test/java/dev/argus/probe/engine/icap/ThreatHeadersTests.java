package dev.argus.probe.engine.icap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.probe.engine.icap.ThreatHeaders.Threat;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThreatHeadersTests {

    private final ThreatHeaders threats = new ThreatHeaders(List.of("X-Virus-ID", "X-Virus-Name"));

    @Test
    void readsCicapsInfectionAndViolationHeadersAsOneVirus() throws Exception {
        IcapHeaders headers = headers(
                "X-Infection-Found: Type=0; Resolution=2; Threat=Eicar-Test-Signature-Body.UNOFFICIAL;",
                "X-Violations-Found: 1", "\t-", "\tEicar-Test-Signature-Body.UNOFFICIAL", "\t0", "\t0");

        assertThat(threats.find(headers)).containsExactly(new Threat("Eicar-Test-Signature-Body.UNOFFICIAL", true));
    }

    @Test
    void readsEveryViolationOfAMultiViolationHeader() throws Exception {
        IcapHeaders headers = headers("X-Violations-Found: 2", "\ta.exe", "\tW32/Alpha", "\t1", "\t2",
                "\tb.doc", "\tW97M/Beta", "\t2", "\t2");

        assertThat(threats.find(headers)).extracting(Threat::name).containsExactly("W32/Alpha", "W97M/Beta");
    }

    @Test
    void readsNameOnlyHeadersSuchAsXVirusId() throws Exception {
        assertThat(threats.find(headers("X-Virus-ID: \"Trojan.Generic.123\""))).extracting(Threat::name)
                .containsExactly("Trojan.Generic.123");
        assertThat(threats.find(headers("x-virus-name: EICAR test file"))).extracting(Threat::name)
                .containsExactly("EICAR test file");
    }

    @Test
    void policyAndContainerViolationsAreNotViruses() throws Exception {
        assertThat(threats.find(headers("X-Infection-Found: Type=2; Resolution=2; Threat=Encrypted.Zip;")))
                .containsExactly(new Threat("Encrypted.Zip", false));
    }

    @Test
    void aNameAlsoReportedAsVirusElsewhereCountsAsVirus() throws Exception {
        assertThat(threats.find(headers("X-Infection-Found: Type=1; Resolution=2; Threat=Bad;", "X-Virus-ID: Bad")))
                .containsExactly(new Threat("Bad", true));
    }

    @Test
    void headersWithoutAThreatNameGiveNothing() throws Exception {
        assertThat(threats.find(headers("ISTag: \"x\"", "X-Virus-ID: -", "X-Violations-Found: 0",
                "X-Infection-Found: Type=0; Resolution=2;"))).isEmpty();
    }

    @Test
    void headersOutsideTheConfiguredListAreIgnored() throws Exception {
        assertThat(new ThreatHeaders(List.of()).find(headers("X-Virus-ID: Something"))).isEmpty();
    }

    private static IcapHeaders headers(String... lines) throws MalformedAnswerException {
        IcapHeaders.Builder builder = new IcapHeaders.Builder();
        for (String line : lines) {
            builder.line(line);
        }
        return builder.build();
    }
}
