package dev.argus.probe.engine.icap;

import static dev.argus.probe.engine.icap.IcapFixtures.ascii;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

/**
 * Parsing answers from a stream that hands out one byte per read, so every header, chunk-size line and chunk is
 * split across reads.
 */
class IcapResponseReaderTests {

    @Test
    void reads204WithItsHeadersAndNoBody() throws Exception {
        IcapResponse answer = read(IcapFixtures.UNMODIFIED);

        assertThat(answer.status()).isEqualTo(204);
        assertThat(answer.reason()).isEqualTo("Unmodified");
        assertThat(answer.istag()).hasValue(IcapFixtures.ISTAG);
        assertThat(answer.http()).isNull();
        assertThat(answer.body()).isNull();
    }

    @Test
    void readsCicapVirusAnswerWithFoldedHeaderEncapsulatedHttpHeadAndChunkedBody() throws Exception {
        IcapResponse answer = read(IcapFixtures.VIRUS_FOUND);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.headers().first("x-infection-found"))
                .hasValue("Type=0; Resolution=2; Threat=Eicar-Test-Signature-Body.UNOFFICIAL;");
        assertThat(answer.headers().first("X-Violations-Found"))
                .hasValue("1\n-\nEicar-Test-Signature-Body.UNOFFICIAL\n0\n0");
        assertThat(answer.headers().first("Encapsulated")).hasValue("res-hdr=0, res-body=161");
        assertThat(answer.http().status()).isEqualTo(403);
        assertThat(answer.http().statusLine()).isEqualTo("HTTP/1.0 403 Forbidden");
        assertThat(answer.http().headers().first("Content-Type")).hasValue("text/html");
        assertThat(answer.body().length()).isEqualTo(0x1c1);
    }

    @Test
    void summarisesABodySplitInSeveralChunksWithExtensionsAndTrailer() throws Exception {
        String http = "HTTP/1.1 200 OK\r\n\r\n";
        IcapResponse answer = read("ICAP/1.0 200 OK\r\nEncapsulated: res-hdr=0, res-body=" + http.length() + "\r\n\r\n"
                + http + "5\r\nhello\r\n7;name=value\r\n, world\r\n0\r\nX-Trailer: yes\r\n\r\n");

        assertThat(answer.body().length()).isEqualTo(12);
        assertThat(answer.body().sha256()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(ascii("hello, world")));
    }

    @Test
    void skipsAnEncapsulatedRequestHeadBeforeTheResponse() throws Exception {
        String request = "GET /x HTTP/1.1\r\nHost: a\r\n\r\n";
        String response = "HTTP/1.1 403 Forbidden\r\n\r\n";
        IcapResponse answer = read("ICAP/1.0 200 OK\r\nEncapsulated: req-hdr=0, res-hdr=" + request.length()
                + ", null-body=" + (request.length() + response.length()) + "\r\n\r\n" + request + response);

        assertThat(answer.http().status()).isEqualTo(403);
        assertThat(answer.body()).isNull();
    }

    @Test
    void acceptsBareLineFeeds() throws Exception {
        IcapResponse answer = read("ICAP/1.0 204 No Content\nISTag: \"abc\"\n\n");

        assertThat(answer.status()).isEqualTo(204);
        assertThat(answer.istag()).hasValue("abc");
    }

    @Test
    void readsAnErrorAnswerThatHasNoEncapsulatedHeader() throws Exception {
        IcapResponse answer = read(IcapFixtures.SERVICE_NOT_FOUND);

        assertThat(answer.statusText()).isEqualTo("404 Service not found");
        assertThat(answer.http()).isNull();
    }

    @Test
    void readsA100ContinueWithoutLookingForABody() throws Exception {
        InputStream in = trickle(IcapFixtures.CONTINUE + IcapFixtures.UNMODIFIED);
        IcapResponseReader reader = new IcapResponseReader(in);

        assertThat(reader.read().status()).isEqualTo(100);
        assertThat(reader.read().status()).isEqualTo(204);
    }

    @Test
    void rejectsAnHttpAnswerWithItsStatusLineInTheMessage() {
        assertThatThrownBy(() -> read("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"))
                .isInstanceOf(MalformedAnswerException.class)
                .hasMessage("the answer does not start with an ICAP status line: 'HTTP/1.1 400 Bad Request'");
    }

    @Test
    void rejectsGarbageThatEndsWithoutALineEnd() {
        assertThatThrownBy(() -> read("\u0016\u0003\u0001garbage"))
                .isInstanceOf(MalformedAnswerException.class)
                .hasMessageContaining("does not start with an ICAP status line: '\\x16\\x03\\x01garbage'");
    }

    @Test
    void rejectsAHeaderLineWithoutColon() {
        assertThatThrownBy(() -> read("ICAP/1.0 204 Unmodified\r\nthis is not a header\r\n\r\n"))
                .isInstanceOf(MalformedAnswerException.class)
                .hasMessage("not a header line: 'this is not a header'");
    }

    @Test
    void rejectsAnInvalidEncapsulatedHeader() {
        assertThatThrownBy(() -> read("ICAP/1.0 200 OK\r\nEncapsulated: res-body=10, res-hdr=0\r\n\r\n"))
                .isInstanceOf(MalformedAnswerException.class)
                .hasMessageStartingWith("invalid Encapsulated header 'res-body=10, res-hdr=0'");
    }

    @Test
    void rejectsA200WithoutEncapsulatedHeader() {
        assertThatThrownBy(() -> read("ICAP/1.0 200 OK\r\nISTag: x\r\n\r\n"))
                .isInstanceOf(MalformedAnswerException.class)
                .hasMessage("ICAP 200 answer without an Encapsulated header");
    }

    @Test
    void rejectsAResponseHeadWhoseLengthDisagreesWithTheEncapsulatedOffsets() {
        assertThatThrownBy(() -> read("ICAP/1.0 200 OK\r\nEncapsulated: res-hdr=0, res-body=10\r\n\r\n"
                + "HTTP/1.1 200 OK\r\n\r\n0\r\n\r\n"))
                .isInstanceOf(MalformedAnswerException.class)
                .hasMessageContaining("res-hdr part of 10 bytes");
    }

    @Test
    void rejectsAnEncapsulatedResponseWithoutHttpStatusLine() {
        String head = "Content-Type: text/html\r\n\r\n";
        assertThatThrownBy(() -> read("ICAP/1.0 200 OK\r\nEncapsulated: res-hdr=0, null-body=" + head.length()
                + "\r\n\r\n" + head))
                .isInstanceOf(MalformedAnswerException.class)
                .hasMessageContaining("does not start with a status line");
    }

    @Test
    void rejectsAChunkSizeThatIsNotHexadecimal() {
        String http = "HTTP/1.1 200 OK\r\n\r\n";
        assertThatThrownBy(() -> read("ICAP/1.0 200 OK\r\nEncapsulated: res-hdr=0, res-body=" + http.length()
                + "\r\n\r\n" + http + "zz\r\nhello\r\n0\r\n\r\n"))
                .isInstanceOf(MalformedAnswerException.class)
                .hasMessage("invalid chunk size line in the encapsulated body: 'zz'");
    }

    @Test
    void rejectsAChunkLongerThanItsSizeLine() {
        String http = "HTTP/1.1 200 OK\r\n\r\n";
        assertThatThrownBy(() -> read("ICAP/1.0 200 OK\r\nEncapsulated: res-hdr=0, res-body=" + http.length()
                + "\r\n\r\n" + http + "3\r\nhello\r\n0\r\n\r\n"))
                .isInstanceOf(MalformedAnswerException.class)
                .hasMessageContaining("longer than its size line");
    }

    @Test
    void rejectsAnEndlessLine() {
        assertThatThrownBy(() -> read("ICAP/1.0 204 " + "x".repeat(IcapResponseReader.MAX_LINE + 10) + "\r\n\r\n"))
                .isInstanceOf(MalformedAnswerException.class)
                .hasMessageStartingWith("a line of the answer is longer than 8192 bytes");
    }

    @Test
    void connectionClosedBeforeAnyByteIsNoAnswer() {
        assertThatThrownBy(() -> read(""))
                .isInstanceOf(EOFException.class)
                .hasMessage("the ICAP server closed the connection without an answer");
    }

    @Test
    void connectionClosedInTheMiddleOfTheBodyIsATruncatedAnswer() {
        String cut = IcapFixtures.VIRUS_FOUND.substring(0, IcapFixtures.VIRUS_FOUND.length() - 40);

        assertThatThrownBy(() -> read(cut))
                .isInstanceOf(EOFException.class)
                .hasMessage("the ICAP server closed the connection in the middle of its answer");
    }

    private static IcapResponse read(String wire) throws IOException, MalformedAnswerException {
        return new IcapResponseReader(trickle(wire)).read();
    }

    /** A stream that returns at most one byte per read call. */
    private static InputStream trickle(String wire) {
        return new ByteArrayInputStream(ascii(wire)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }
        };
    }
}
