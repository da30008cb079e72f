package dev.argus.probe.engine.icap;

import java.util.Optional;

/**
 * One ICAP answer as read from the wire.
 *
 * @param status  the ICAP status code, e.g. 204
 * @param reason  the reason phrase, e.g. {@code Unmodified}
 * @param headers the ICAP header fields
 * @param http    the encapsulated HTTP response head ({@code res-hdr}), or null when the answer has none
 * @param body    what the encapsulated body ({@code res-body}) held, or null when the answer has none
 */
record IcapResponse(int status, String reason, IcapHeaders headers, HttpHead http, BodySummary body) {

    /**
     * The encapsulated HTTP response head.
     *
     * @param status     the HTTP status code, e.g. 403
     * @param statusLine the whole status line, e.g. {@code HTTP/1.0 403 Forbidden}
     * @param headers    the HTTP header fields
     */
    record HttpHead(int status, String statusLine, IcapHeaders headers) {
    }

    /**
     * The encapsulated body, reduced to what the engine needs: enough to tell whether it is the file sent.
     *
     * @param length its length in bytes, after de-chunking
     * @param sha256 its SHA-256
     */
    record BodySummary(long length, byte[] sha256) {
    }

    /** The ISTag of this answer without its quotes, when present. */
    Optional<String> istag() {
        return headers.first("ISTag").map(IcapResponse::unquote).filter(tag -> !tag.isEmpty());
    }

    /** {@code 204 Unmodified}, for messages. */
    String statusText() {
        return status + (reason.isEmpty() ? "" : " " + reason);
    }

    static String unquote(String value) {
        String text = value.strip();
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")
                ? text.substring(1, text.length() - 1) : text;
    }
}
