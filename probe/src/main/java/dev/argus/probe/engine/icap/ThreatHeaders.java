package dev.argus.probe.engine.icap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the threats an ICAP server names in its answer's headers. Antivirus gateways use a few de-facto headers
 * (draft-stecher-icap-subid and vendor habits):
 * <ul>
 *   <li>{@code X-Infection-Found: Type=0; Resolution=2; Threat=Eicar-Test-Signature;} (c-icap's virus_scan,
 *       squidclamav, several vendors); {@code Type=0} is a virus, 1 a policy violation, 2 a container violation
 *       (e.g. an archive too deep to unpack);</li>
 *   <li>{@code X-Violations-Found: <count>} followed by four folded lines per violation: file name, threat name,
 *       violation id, disposition (c-icap, Symantec, Trend Micro);</li>
 *   <li>headers whose whole value is the name, {@code X-Virus-ID} and {@code X-Virus-Name} by default
 *       (configurable).</li>
 * </ul>
 */
final class ThreatHeaders {

    /**
     * One threat named by the server.
     *
     * @param name  e.g. {@code Eicar-Test-Signature.UNOFFICIAL}
     * @param virus false for policy or container violations ({@code X-Infection-Found} type 1 or 2), which make a
     *              file suspicious rather than malicious
     */
    record Threat(String name, boolean virus) {
    }

    private final List<String> nameHeaders;

    /** @param nameHeaders the headers whose whole value is a threat name, e.g. {@code X-Virus-ID} */
    ThreatHeaders(List<String> nameHeaders) {
        this.nameHeaders = List.copyOf(nameHeaders);
    }

    /** The threats, each name once, in the order the headers name them; empty when there is none. */
    List<Threat> find(IcapHeaders headers) {
        Map<String, Threat> found = new LinkedHashMap<>();
        for (String value : headers.all("X-Infection-Found")) {
            Map<String, String> params = parameters(value);
            String name = params.get("threat");
            if (name != null && !name.isBlank()) {
                found.merge(name, new Threat(name, "0".equals(params.getOrDefault("type", "0"))), ThreatHeaders::either);
            }
        }
        for (String value : headers.all("X-Violations-Found")) {
            for (String name : violations(value)) {
                found.merge(name, new Threat(name, true), ThreatHeaders::either);
            }
        }
        for (String header : nameHeaders) {
            for (String value : headers.all(header)) {
                String name = IcapResponse.unquote(value.replace('\n', ' '));
                if (!name.isBlank() && !name.equals("-")) {
                    found.merge(name, new Threat(name, true), ThreatHeaders::either);
                }
            }
        }
        return List.copyOf(found.values());
    }

    /** {@code Type=0; Resolution=2; Threat=Name;} as lower-case keys to values. */
    private static Map<String, String> parameters(String value) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String part : value.replace('\n', ' ').split(";")) {
            int equals = part.indexOf('=');
            if (equals > 0) {
                params.put(part.substring(0, equals).strip().toLowerCase(Locale.ROOT), part.substring(equals + 1).strip());
            }
        }
        return params;
    }

    /** The threat names of an {@code X-Violations-Found} value; empty when it does not follow the layout. */
    private static List<String> violations(String value) {
        String[] lines = value.split("\n");
        List<String> names = new ArrayList<>();
        if (!lines[0].strip().matches("\\d{1,4}")) {
            return names;
        }
        int count = Integer.parseInt(lines[0].strip());
        for (int i = 0; i < count && 2 + 4 * i < lines.length; i++) {
            String name = lines[2 + 4 * i].strip();
            if (!name.isEmpty() && !name.equals("-")) {
                names.add(name);
            }
        }
        return names;
    }

    /** A name reported both as a virus and as a violation counts as a virus. */
    private static Threat either(Threat first, Threat second) {
        return first.virus() ? first : second;
    }
}
