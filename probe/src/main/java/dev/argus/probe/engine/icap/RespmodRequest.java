package dev.argus.probe.engine.icap;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The head of a RESPMOD request: the ICAP header, then the encapsulated HTTP request and response headers that
 * present the file as the body of a {@code 200 OK} answer to a {@code GET}. The body itself follows in chunked
 * encoding ({@link ChunkedBody}). RFC 3507 sections 4.4 and 4.8.
 *
 * @param serviceUri  e.g. {@code icap://127.0.0.1:1344/virus_scan}
 * @param hostAndPort the ICAP {@code Host} header, e.g. {@code 127.0.0.1:1344}
 * @param fileName    shown to the server as the last segment of the HTTP URL (it lands in its logs)
 * @param fileSize    the body's length, sent as the HTTP {@code Content-Length}
 * @param preview     the number of bytes sent as preview, or -1 for no preview
 * @param allow204    whether to offer {@code Allow: 204}
 */
record RespmodRequest(String serviceUri, String hostAndPort, String fileName, long fileSize, long preview,
                      boolean allow204) {

    static final String USER_AGENT = "argus-probe";

    /** The bytes to send before the body's first chunk. */
    byte[] head() {
        String requestHeader = "GET /" + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20")
                + " HTTP/1.1\r\n"
                + "Host: argus\r\n"
                + "\r\n";
        String responseHeader = "HTTP/1.1 200 OK\r\n"
                + "Content-Type: application/octet-stream\r\n"
                + "Content-Length: " + fileSize + "\r\n"
                + "\r\n";
        int requestLength = requestHeader.getBytes(StandardCharsets.ISO_8859_1).length;
        int responseLength = responseHeader.getBytes(StandardCharsets.ISO_8859_1).length;
        StringBuilder icap = new StringBuilder()
                .append("RESPMOD ").append(serviceUri).append(" ICAP/1.0\r\n")
                .append("Host: ").append(hostAndPort).append("\r\n")
                .append("User-Agent: ").append(USER_AGENT).append("\r\n")
                .append("Connection: close\r\n");
        if (allow204) {
            icap.append("Allow: 204\r\n");
        }
        if (preview >= 0) {
            icap.append("Preview: ").append(preview).append("\r\n");
        }
        icap.append("Encapsulated: req-hdr=0, res-hdr=").append(requestLength)
                .append(", res-body=").append(requestLength + responseLength).append("\r\n")
                .append("\r\n")
                .append(requestHeader)
                .append(responseHeader);
        return icap.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** An OPTIONS request for the service. */
    static byte[] options(String serviceUri, String hostAndPort) {
        return ("OPTIONS " + serviceUri + " ICAP/1.0\r\n"
                + "Host: " + hostAndPort + "\r\n"
                + "User-Agent: " + USER_AGENT + "\r\n"
                + "Connection: close\r\n"
                + "Encapsulated: null-body=0\r\n"
                + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }
}
