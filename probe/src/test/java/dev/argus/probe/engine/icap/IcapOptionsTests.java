package dev.argus.probe.engine.icap;

import static dev.argus.probe.engine.icap.IcapFixtures.ascii;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

class IcapOptionsTests {

    @Test
    void readsMethodsPreviewIstagAndTheProductOfCicapsServiceHeader() throws Exception {
        IcapOptions options = IcapOptions.from(answer(IcapFixtures.OPTIONS));

        assertThat(options.methods()).containsExactly("RESPMOD", "REQMOD");
        assertThat(options.supportsRespmod()).isTrue();
        assertThat(options.preview()).isEqualTo(1024);
        assertThat(options.allow204()).isTrue();
        assertThat(options.istag()).isEqualTo(IcapFixtures.ISTAG);
        assertThat(options.service()).isEqualTo("C-ICAP/0.5.10 server - Antivirus service");
        assertThat(options.engineVersion()).isEqualTo("C-ICAP/0.5.10");
    }

    @Test
    void keepsAProductNameWithSpacesUpToItsVersion() throws Exception {
        IcapOptions options = IcapOptions.from(answer(
                "ICAP/1.0 200 OK\r\nMethods: RESPMOD\r\nService: Symantec Scan Engine/5.2.11.131 ICAP\r\n"
                        + "ISTag: \"1510\"\r\nEncapsulated: null-body=0\r\n\r\n"));

        assertThat(options.engineVersion()).isEqualTo("Symantec Scan Engine/5.2.11.131");
        assertThat(options.istag()).isEqualTo("1510");
    }

    @Test
    void fallsBackToServerHeaderThenToTheWholeServiceText() throws Exception {
        assertThat(IcapOptions.from(answer("ICAP/1.0 200 OK\r\nServer: Acme-AV/2.1 (linux)\r\n"
                + "Encapsulated: null-body=0\r\n\r\n")).engineVersion()).isEqualTo("Acme-AV/2.1");
        assertThat(IcapOptions.from(answer("ICAP/1.0 200 OK\r\nService: Kaspersky Anti-Virus ICAP Server\r\n"
                + "Encapsulated: null-body=0\r\n\r\n")).engineVersion()).isEqualTo("Kaspersky Anti-Virus ICAP Server");
    }

    @Test
    void withoutPreviewHeaderNoPreviewIsSentAndAConfiguredSizeOnlyCapsTheServers() throws Exception {
        IcapOptions none = IcapOptions.from(answer("ICAP/1.0 200 OK\r\nMethods: RESPMOD\r\n"
                + "Encapsulated: null-body=0\r\n\r\n"));
        IcapOptions cicap = IcapOptions.from(answer(IcapFixtures.OPTIONS));

        assertThat(none.previewFor(true, null)).isEqualTo(-1);
        assertThat(none.previewFor(true, 100L)).isEqualTo(-1);
        assertThat(cicap.previewFor(true, null)).isEqualTo(1024);
        assertThat(cicap.previewFor(true, 100L)).isEqualTo(100);
        assertThat(cicap.previewFor(true, 1_000_000L)).isEqualTo(1024);
        assertThat(cicap.previewFor(false, null)).isEqualTo(-1);
    }

    @Test
    void rejectsAPreviewThatIsNotANumber() {
        assertThatThrownBy(() -> IcapOptions.from(answer("ICAP/1.0 200 OK\r\nPreview: lots\r\n"
                + "Encapsulated: null-body=0\r\n\r\n")))
                .isInstanceOf(MalformedAnswerException.class)
                .hasMessage("OPTIONS answer has an invalid Preview header: 'lots'");
    }

    private static IcapResponse answer(String wire) throws Exception {
        return new IcapResponseReader(new ByteArrayInputStream(ascii(wire))).read();
    }
}
