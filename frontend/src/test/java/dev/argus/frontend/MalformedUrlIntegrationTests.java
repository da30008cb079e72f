package dev.argus.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Malformed request targets sent through a raw socket (a client library would refuse or repair them): bad
 * percent-encoding, {@code ;} path parameters, encoded NUL and slash, dot segments, overlong paths and bad Host
 * headers, on every family of routes. Each is answered a 4xx problem document, never a 5xx.
 */
class MalformedUrlIntegrationTests extends AbstractHostileRequestTests {

    private static final List<String> PREFIXES = List.of("/api/v1/scans/", "/api/v1/files/", "/api/v1/users/",
            "/api/v1/", "/api/v3/files/", "/api/v3/analyses/", "/vtapi/v2/file/", "/", "/js/", "/nowhere/",
            "/api/v1/webhooks/");
    private static final List<String> TAILS = List.of("%zz", ";a%", "%", "%0", "a%2", "%00", "x%00y", "%2F",
            "a%2fb", "%5C", ";", ";a=b", ";jsessionid=1/x", "..;/..;/x", "%2e%2e/%2e%2e/etc", "%C0%AF", "%ED%A0%80",
            "%FF", "\u00e9", "a".repeat(9000), "%25%", "x?%zz=1", "x?a=%00", "x?%00=a", "x?a=%ZZ", "//x", "x#y");

    @Test
    void malformedTargetsAreAnswered4xxProblemsOnEveryFamilyOfRoutes() {
        List<String> failures = new ArrayList<>();
        for (String prefix : PREFIXES) {
            for (String tail : TAILS) {
                for (String method : List.of("GET", "POST", "TRACE")) {
                    RawHttp.Response response = raw.send(method, prefix + tail, List.of(),
                            method.equals("POST") ? new byte[0] : null);
                    if (response.status() >= 500 || response.status() < 400 && !tail.equals("\u00e9")
                            && response.status() != 200 && response.status() != 204) {
                        failures.add(method + " " + abbreviate(prefix + tail) + " -> " + response.status() + " "
                                + abbreviate(response.body()));
                    } else if (response.status() >= 400 && !response.contentType().startsWith(
                            "application/problem+json") && !prefix.startsWith("/api/v3/")
                            && !prefix.startsWith("/vtapi/")) {
                        failures.add(method + " " + abbreviate(prefix + tail) + " -> " + response.status()
                                + " not a problem (" + response.contentType() + ")");
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void badHostHeadersAre4xx() {
        for (String host : List.of("Host: a b", "Host: [::1", "Host: \u00e9.example",
                "Host: a/b", "Host: %00")) {
            RawHttp.Response response = raw.sendWithoutHost("GET", "/api/v1/probes", List.of(host));
            assertThat(response.status()).as(host + " -> " + response.body()).isBetween(400, 499);
        }
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > 120 ? flat.substring(0, 120) + "…" : flat;
    }
}
