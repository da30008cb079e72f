package dev.argus.probe.engine.icap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RespmodRequestTests {

    @Test
    void encapsulatedOffsetsPointAtTheRequestHeadTheResponseHeadAndTheBody() {
        String head = text(new RespmodRequest("icap://127.0.0.1:1344/virus_scan", "127.0.0.1:1344", "a b.exe", 68,
                -1, true));

        int icapEnd = head.indexOf("\r\n\r\n") + 4;
        String icap = head.substring(0, icapEnd);
        String encapsulated = head.substring(icapEnd);
        assertThat(icap).startsWith("RESPMOD icap://127.0.0.1:1344/virus_scan ICAP/1.0\r\n")
                .contains("Host: 127.0.0.1:1344\r\n").contains("Allow: 204\r\n").doesNotContain("Preview");
        String offsets = icap.replaceAll("(?s).*Encapsulated: ([^\r]*)\r\n.*", "$1");
        int resHdr = Integer.parseInt(offsets.replaceAll(".*res-hdr=(\\d+).*", "$1"));
        int resBody = Integer.parseInt(offsets.replaceAll(".*res-body=(\\d+).*", "$1"));
        assertThat(offsets).startsWith("req-hdr=0, ");
        assertThat(encapsulated).startsWith("GET /a%20b.exe HTTP/1.1\r\n");
        assertThat(encapsulated.substring(resHdr)).startsWith("HTTP/1.1 200 OK\r\n").contains("Content-Length: 68\r\n");
        assertThat(encapsulated.substring(0, resHdr)).endsWith("\r\n\r\n");
        assertThat(encapsulated).hasSize(resBody).endsWith("\r\n\r\n");
    }

    @Test
    void announcesThePreviewSizeAndLeavesOutAllow204WhenNotOffered() {
        String head = text(new RespmodRequest("icap://h:1344/avscan", "h:1344", "f", 5000, 1024, false));

        assertThat(head).contains("Preview: 1024\r\n").doesNotContain("Allow:");
    }

    @Test
    void optionsRequestNamesTheServiceAndHasANullBody() {
        String options = new String(RespmodRequest.options("icap://h:1344/srv_clamav", "h:1344"),
                StandardCharsets.ISO_8859_1);

        assertThat(options).startsWith("OPTIONS icap://h:1344/srv_clamav ICAP/1.0\r\n")
                .contains("Host: h:1344\r\n", "Encapsulated: null-body=0\r\n").endsWith("\r\n\r\n");
    }

    private static String text(RespmodRequest request) {
        return new String(request.head(), StandardCharsets.ISO_8859_1);
    }
}
