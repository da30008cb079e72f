package dev.argus.frontend.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The outbound rule over a resolver the test controls (no DNS): internal addresses are refused unless allowed. */
class OutboundRuleTests {

    private static final Map<String, List<String>> DNS = Map.of(
            "public.example", List.of("93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"),
            "rebind.example", List.of("93.184.216.34", "10.0.0.5"),
            "internal.example", List.of("192.168.10.20"),
            "metadata.example", List.of("169.254.169.254"));

    private static OutboundRule rule(String... allowed) {
        return new OutboundRule(List.of(allowed), host -> {
            List<String> answers = DNS.get(host.toLowerCase(java.util.Locale.ROOT)); // DNS ignores case
            if (answers == null) {
                // address literals resolve to themselves, as InetAddress.getAllByName does without a lookup
                if (host.contains(":") || host.chars().allMatch(c -> c == '.' || Character.isDigit(c))) {
                    return new InetAddress[] {InetAddress.getByName(host)};
                }
                throw new UnknownHostException(host);
            }
            InetAddress[] addresses = new InetAddress[answers.size()];
            for (int i = 0; i < addresses.length; i++) {
                addresses[i] = InetAddress.getByName(answers.get(i));
            }
            return addresses;
        });
    }

    @Test
    void refusesEveryInternalRangeIncludingIpv4MappedForms() {
        OutboundRule rule = rule();
        for (String host : List.of("127.0.0.1", "127.8.9.10", "10.0.0.1", "172.16.0.1", "172.31.255.255",
                "192.168.0.1", "169.254.169.254", "100.64.0.1", "100.127.255.254", "0.0.0.0", "224.0.0.1",
                "255.255.255.255", "[::1]", "[::]", "[fc00::1]", "[fd12:3456::1]", "[fe80::1]", "[ff02::1]",
                "[::ffff:127.0.0.1]", "[::ffff:169.254.169.254]", "[64:ff9b::a00:1]", "[::10.0.0.1]",
                "internal.example", "metadata.example", "rebind.example")) {
            assertThatThrownBy(() -> rule.permittedAddresses(URI.create("http://" + host + "/hook")))
                    .as(host).isInstanceOf(OutboundRule.Refused.class);
        }
    }

    @Test
    void acceptsPublicAddressesAndRefusesUnresolvableHosts() throws Exception {
        OutboundRule rule = rule();
        assertThat(rule.permittedAddresses(URI.create("https://public.example/hook"))).hasSize(2);
        assertThat(rule.permittedAddresses(URI.create("http://8.8.8.8/"))).hasSize(1);
        assertThat(rule.permittedAddresses(URI.create("http://100.128.0.1/"))).as("just past CGNAT").hasSize(1);
        assertThat(rule.permittedAddresses(URI.create("http://172.32.0.1/"))).as("just past 172.16/12").hasSize(1);
        assertThatThrownBy(() -> rule.permittedAddresses(URI.create("http://nowhere.example/")))
                .isInstanceOf(OutboundRule.Refused.class).hasMessageContaining("does not resolve");
    }

    @Test
    void letsThroughAllowedHostNamesAddressesAndRanges() throws Exception {
        OutboundRule rule = rule("internal.example", "127.0.0.1", "10.0.0.0/8", "fd00::/8");
        assertThat(rule.permittedAddresses(URI.create("http://INTERNAL.example/"))).hasSize(1);
        assertThat(rule.permittedAddresses(URI.create("http://127.0.0.1:8080/"))).hasSize(1);
        assertThat(rule.permittedAddresses(URI.create("http://10.200.0.1/"))).hasSize(1);
        assertThat(rule.permittedAddresses(URI.create("http://[fd00::5]/"))).hasSize(1);
        assertThat(rule.permittedAddresses(URI.create("http://rebind.example/"))).hasSize(2);
        assertThatThrownBy(() -> rule.permittedAddresses(URI.create("http://127.0.0.2/")))
                .isInstanceOf(OutboundRule.Refused.class).hasMessageContaining("argus.webhooks.allowed-hosts");
        assertThatThrownBy(() -> rule.permittedAddresses(URI.create("http://metadata.example/")))
                .isInstanceOf(OutboundRule.Refused.class);
    }
}
