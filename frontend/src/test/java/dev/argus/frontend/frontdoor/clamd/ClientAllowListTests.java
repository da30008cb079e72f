package dev.argus.frontend.frontdoor.clamd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAllowListTests {

    @Test
    void matchesAddressesAndCidrRangesOfBothFamilies() throws Exception {
        ClientAllowList list = ClientAllowList.parse(List.of("127.0.0.0/8", " 10.1.2.3 ", "192.168.0.0/23",
                "fd00::/8", "::1"));

        assertThat(list.allows(InetAddress.getByName("127.4.5.6"))).isTrue();
        assertThat(list.allows(InetAddress.getByName("10.1.2.3"))).isTrue();
        assertThat(list.allows(InetAddress.getByName("10.1.2.4"))).isFalse();
        assertThat(list.allows(InetAddress.getByName("192.168.1.200"))).isTrue();
        assertThat(list.allows(InetAddress.getByName("192.168.2.1"))).isFalse();
        assertThat(list.allows(InetAddress.getByName("fd12::5"))).isTrue();
        assertThat(list.allows(InetAddress.getByName("fe80::1"))).isFalse();
        assertThat(list.allows(InetAddress.getByName("::1"))).isTrue();
        assertThat(list.allows(InetAddress.getByName("::ffff:10.1.2.3"))).as("IPv4-mapped").isTrue();
        assertThat(list.allows(InetAddress.getByName("8.8.8.8"))).isFalse();
    }

    @Test
    void anEmptyListAllowsNobodyAndZeroPrefixAllowsEveryone() throws Exception {
        assertThat(ClientAllowList.parse(List.of()).allows(InetAddress.getByName("127.0.0.1"))).isFalse();
        assertThat(ClientAllowList.parse(List.of("0.0.0.0/0")).allows(InetAddress.getByName("8.8.8.8"))).isTrue();
    }

    @Test
    void refusesHostNamesAndBadPrefixesNamingTheEntry() {
        assertThatThrownBy(() -> ClientAllowList.parse(List.of("localhost")))
                .hasMessageContaining("'localhost'").hasMessageContaining("no host names");
        assertThatThrownBy(() -> ClientAllowList.parse(List.of("10.0.0.0/33")))
                .hasMessageContaining("'10.0.0.0/33'").hasMessageContaining("0 to 32");
        assertThatThrownBy(() -> ClientAllowList.parse(List.of("10.0.0.0/x")))
                .hasMessageContaining("'10.0.0.0/x'");
    }
}
