package dev.argus.probe.engine.clamav;

/**
 * clamd's VERSION answer, e.g. {@code ClamAV 1.4.6/27800/Sat Nov 21 09:20:27 2026} (engine 1.4.6, signature
 * database 27800) or just {@code ClamAV 1.4.6} when clamd runs with custom signatures only.
 *
 * @param engineVersion    e.g. {@code 1.4.6}, null when the answer is empty
 * @param signatureVersion e.g. {@code 27800}, null when clamd does not say
 */
record ClamavVersion(String engineVersion, String signatureVersion) {

    private static final String PREFIX = "ClamAV ";

    static ClamavVersion parse(String answer) {
        String text = answer == null ? "" : answer.replace("\0", "").strip();
        if (text.startsWith(PREFIX)) {
            text = text.substring(PREFIX.length()).strip();
        }
        String[] parts = text.split("/", 3);
        return new ClamavVersion(blankToNull(parts[0]), parts.length > 1 ? blankToNull(parts[1]) : null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
