package dev.argus.probe.engine.icap;

import dev.argus.common.message.Category;
import dev.argus.probe.engine.icap.IcapResponse.BodySummary;
import dev.argus.probe.engine.icap.ThreatHeaders.Threat;
import dev.argus.probe.spi.EngineException;
import dev.argus.probe.spi.EngineVersions;
import dev.argus.probe.spi.ScanOutcome;
import dev.argus.probe.spi.TerminalEngineException;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Turns the final answer to a RESPMOD into a scan outcome:
 * <ul>
 *   <li>{@code 204}, or {@code 200} carrying the file unchanged in an HTTP 200: {@code undetected};</li>
 *   <li>{@code 200}/{@code 201}/{@code 403} naming a threat in its headers ({@link ThreatHeaders}):
 *       {@code malicious} with the first name ({@code suspicious} when every name is a policy or container
 *       violation);</li>
 *   <li>{@code 200}/{@code 201}/{@code 403} that replaces the file without naming a threat (e.g. an HTTP 403 block
 *       page): {@code malicious} with no threat name;</li>
 *   <li>{@code 408} and every {@code 5xx}: a retryable failure; any other status: a terminal failure.</li>
 * </ul>
 */
final class IcapVerdict {

    private final ThreatHeaders threatHeaders;
    private final String service;

    /** @param service the service URI, for error messages */
    IcapVerdict(ThreatHeaders threatHeaders, String service) {
        this.threatHeaders = threatHeaders;
        this.service = service;
    }

    /**
     * @param answer   the final answer (never 100)
     * @param original the length and digest of what was sent, computed only when an echo must be compared
     * @param versions the versions to report
     * @throws TerminalEngineException for answers another attempt would not change
     * @throws EngineException         for answers another attempt may change (408, 5xx)
     */
    ScanOutcome outcome(IcapResponse answer, Supplier<BodySummary> original, EngineVersions versions)
            throws EngineException {
        int status = answer.status();
        if (status == 204) {
            return new ScanOutcome(Category.UNDETECTED, null, Map.of("icapStatus", status), versions);
        }
        if (status == 200 || status == 201 || status == 403) {
            return judged(answer, original, versions);
        }
        if (status == 408 || status / 100 == 5) {
            throw new EngineException("the ICAP service " + service + " failed: " + answer.statusText());
        }
        if (status / 100 == 4) {
            throw new TerminalEngineException("the ICAP service " + service + " refused the request: "
                    + answer.statusText());
        }
        throw new TerminalEngineException("the ICAP service " + service + " answered with an unexpected status: "
                + answer.statusText());
    }

    private ScanOutcome judged(IcapResponse answer, Supplier<BodySummary> original, EngineVersions versions)
            throws TerminalEngineException {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("icapStatus", answer.status());
        if (answer.http() != null) {
            details.put("httpStatus", answer.http().status());
        }
        List<Threat> threats = threatHeaders.find(answer.headers());
        if (!threats.isEmpty()) {
            details.put("threats", threats.stream().map(Threat::name).toList());
            boolean anyVirus = threats.stream().anyMatch(Threat::virus);
            return new ScanOutcome(anyVirus ? Category.MALICIOUS : Category.SUSPICIOUS, threats.getFirst().name(),
                    details, versions);
        }
        if (answer.status() != 403 && answer.http() == null) {
            throw new TerminalEngineException("the ICAP service " + service + " answered with a malformed message: "
                    + "ICAP " + answer.statusText() + " without an encapsulated HTTP response");
        }
        if (answer.status() != 403 && answer.http().status() == 200 && sameAs(answer.body(), original.get())) {
            details.put("unmodified", true);
            return new ScanOutcome(Category.UNDETECTED, null, details, versions);
        }
        details.put("replaced", true);
        return new ScanOutcome(Category.MALICIOUS, null, details, versions);
    }

    /** An absent body (null-body) is the same as an empty file. */
    private static boolean sameAs(BodySummary returned, BodySummary sent) {
        if (returned == null) {
            return sent.length() == 0;
        }
        return returned.length() == sent.length() && MessageDigest.isEqual(returned.sha256(), sent.sha256());
    }
}
