package dev.argus.frontend.frontdoor.clamd;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The client addresses allowed to connect: single addresses and CIDR ranges, IPv4 and IPv6 (an IPv4-mapped IPv6
 * client is matched as IPv4). Entries are literal addresses only: a host name is refused, so no DNS lookup decides
 * who may scan.
 */
final class ClientAllowList {

    private final List<Range> ranges;

    private ClientAllowList(List<Range> ranges) {
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

    private static Range range(String entry) {
        int slash = entry.indexOf('/');
        String host = slash < 0 ? entry : entry.substring(0, slash);
        byte[] address = literal(host, entry);
        int bits = address.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(entry.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bits) {
                throw invalid(entry, "the prefix length must be 0 to " + bits);
            }
        }
        return new Range(address, prefix);
    }

    private static byte[] literal(String host, String entry) {
        boolean literal = host.contains(":") || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        if (!literal) {
            throw invalid(entry, "only literal IPv4/IPv6 addresses and CIDR ranges are accepted, no host names");
        }
        try {
            return normalised(InetAddress.getByName(host).getAddress());
        } catch (UnknownHostException e) {
            throw invalid(entry, "not an address");
        }
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

    private record Range(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = prefix / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[whole] & mask) == (network[whole] & mask);
        }
    }
}
