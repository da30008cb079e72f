package dev.argus.frontend.frontdoor.clamd;

import dev.argus.frontend.net.AddressRange;
import java.net.InetAddress;
import java.util.List;

/**
 * The client addresses allowed to connect: single addresses and CIDR ranges, IPv4 and IPv6 (an IPv4-mapped IPv6
 * client is matched as IPv4). Entries are literal addresses only: a host name is refused, so no DNS lookup decides
 * who may scan.
 */
final class ClientAllowList {

    private final List<AddressRange> ranges;

    private ClientAllowList(List<AddressRange> ranges) {
        this.ranges = ranges;
    }

    /**
     * Parses entries such as {@code 127.0.0.1}, {@code 10.0.0.0/8}, {@code ::1} or {@code fd00::/8}.
     *
     * @throws IllegalArgumentException naming the entry that is no address or range
     */
    static ClientAllowList parse(List<String> entries) {
        return new ClientAllowList(entries.stream().map(String::strip).filter(e -> !e.isEmpty())
                .map(ClientAllowList::range).toList());
    }

    boolean allows(InetAddress client) {
        byte[] address = normalised(client.getAddress());
        return ranges.stream().anyMatch(range -> range.contains(address));
    }

    private static AddressRange range(String entry) {
        AddressRange range = AddressRange.parse(entry);
        if (range == null) {
            throw invalid(entry, "only literal IPv4/IPv6 addresses and CIDR ranges (prefix 0 to 32, or 0 to 128) are"
                    + " accepted, no host names");
        }
        return range;
    }

    /** An IPv4-mapped IPv6 address (::ffff:a.b.c.d) as its IPv4 address. */
    private static byte[] normalised(byte[] address) {
        if (address.length == 16) {
            boolean mapped = address[10] == (byte) 0xff && address[11] == (byte) 0xff;
            for (int i = 0; i < 10 && mapped; i++) {
                mapped = address[i] == 0;
            }
            if (mapped) {
                return new byte[] {address[12], address[13], address[14], address[15]};
            }
        }
        return address;
    }

    private static IllegalArgumentException invalid(String entry, String why) {
        return new IllegalArgumentException("argus.frontdoor.clamd.allowed-clients: '" + entry + "': " + why);
    }
}
