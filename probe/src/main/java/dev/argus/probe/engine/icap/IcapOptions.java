package dev.argus.probe.engine.icap;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service says about itself in its OPTIONS answer (RFC 3507 section 4.10.2).
 *
 * @param methods  the methods it supports, upper case, e.g. {@code [RESPMOD, REQMOD]}
 * @param preview  how many bytes it wants as preview, or -1 when it takes no preview
 * @param allow204 whether it may answer 204 outside a preview
 * @param istag    its ISTag without quotes: changes whenever its scanning changes (new signatures), or null
 * @param service  its {@code Service} header, e.g. {@code C-ICAP/0.5.10 server - Antivirus service}, or null
 * @param server   its {@code Server} header, or null
 */
record IcapOptions(List<String> methods, long preview, boolean allow204, String istag, String service, String server) {

    /** A product token with a version, e.g. {@code C-ICAP/0.5.10} or {@code Symantec Scan Engine/5.2.11}. */
    private static final Pattern PRODUCT = Pattern.compile("^(.*?/\\S+)");

    IcapOptions {
        methods = List.copyOf(methods);
    }

    /**
     * Reads a successful OPTIONS answer.
     *
     * @throws MalformedAnswerException when its {@code Preview} is not a number
     */
    static IcapOptions from(IcapResponse answer) throws MalformedAnswerException {
        IcapHeaders headers = answer.headers();
        List<String> methods = headers.all("Methods").stream()
                .flatMap(value -> Arrays.stream(value.split("[,\\s]+")))
                .filter(method -> !method.isBlank())
                .map(method -> method.toUpperCase(Locale.ROOT))
                .toList();
        String preview = headers.first("Preview").orElse(null);
        if (preview != null && !preview.matches("\\d{1,9}")) {
            throw new MalformedAnswerException("OPTIONS answer has an invalid Preview header: "
                    + MalformedAnswerException.quote(preview));
        }
        boolean allow204 = headers.all("Allow").stream()
                .anyMatch(value -> Arrays.asList(value.split("[,\\s]+")).contains("204"));
        return new IcapOptions(methods, preview == null ? -1 : Long.parseLong(preview), allow204,
                answer.istag().orElse(null), blankToNull(headers.first("Service").orElse(null)),
                blankToNull(headers.first("Server").orElse(null)));
    }

    boolean supportsRespmod() {
        return methods.contains("RESPMOD");
    }

    /**
     * The engine version: the product token of the {@code Service} header (its text up to the end of the first
     * {@code name/version}), else of the {@code Server} header, else the whole {@code Service} text; null when the
     * server names neither.
     */
    String engineVersion() {
        for (String candidate : new String[] {service, server}) {
            if (candidate != null) {
                Matcher product = PRODUCT.matcher(candidate);
                if (product.find()) {
                    return product.group(1).strip();
                }
            }
        }
        return service;
    }

    /**
     * The preview to send: the server's size, capped by the configured one; -1 (no preview) when the server takes
     * none or previews are switched off.
     */
    long previewFor(boolean enabled, Long configuredCap) {
        if (!enabled || preview < 0) {
            return -1;
        }
        return configuredCap == null ? preview : Math.min(preview, configuredCap);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
