package dev.argus.frontend.webhook;

import dev.argus.frontend.net.AddressRange;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Which hosts Argus may call (the SSRF guard): a target's host is resolved and every address it resolves to must be
 * public: not loopback, private (10/8, 172.16/12, 192.168/16), link-local (169.254/16, where cloud metadata lives;
 * fe80::/10), CGNAT (100.64/10), unique-local (fc00::/7), site-local (fec0::/10), multicast, unspecified, "this
 * network" (0/8), reserved (240/4, broadcast), benchmarking (198.18/15) or IETF (192.0.0/24), nor an
 * IPv4-mapped, IPv4-compatible or NAT64 (64:ff9b::/96) form of such an address. A host named in
 * {@code argus.webhooks.allowed-hosts}, or an address inside a range listed there, is let through whatever it is.
 */
@Component
public class OutboundRule {

    private static final List<AddressRange> INTERNAL = List.of("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10",
            "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.168.0.0/16",
            "198.18.0.0/15", "224.0.0.0/4", "240.0.0.0/4", "::/128", "::1/128", "fc00::/7", "fe80::/10", "fec0::/10",
            "ff00::/8")
            .stream().map(AddressRange::parse).toList();
    private static final AddressRange NAT64 = AddressRange.parse("64:ff9b::/96");

    private final List<String> allowedNames = new ArrayList<>();
    private final List<AddressRange> allowedRanges = new ArrayList<>();
    private final Resolver resolver;

    @Autowired
    OutboundRule(WebhookProperties properties) {
        this(properties.allowedHosts(), InetAddress::getAllByName);
    }

    OutboundRule(List<String> allowedHosts, Resolver resolver) {
        this.resolver = resolver;
        for (String entry : allowedHosts) {
            if (entry == null || entry.isBlank()) {
                continue;
            }
            AddressRange range = AddressRange.parse(entry);
            if (range != null) {
                allowedRanges.add(range);
            } else {
                allowedNames.add(entry.strip().toLowerCase(Locale.ROOT));
            }
        }
    }

    /** Looks a host name up; {@link InetAddress#getAllByName} outside tests. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** The target may not be called; the message says why, for the client and the delivery record. */
    static final class Refused extends Exception {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * Resolves the URL's host and checks every address.
     *
     * @return the addresses, all permitted
     * @throws Refused when the host does not resolve or one of its addresses is internal and not allowed
     */
    List<InetAddress> permittedAddresses(URI url) throws Refused {
        String host = url.getHost();
        if (host == null || host.isEmpty()) {
            throw new Refused("the URL names no host");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new Refused("host '" + host + "' does not resolve");
        }
        if (allowedNames.contains(host.toLowerCase(Locale.ROOT))) {
            return List.of(addresses);
        }
        for (InetAddress address : addresses) {
            if (internal(address) && allowedRanges.stream().noneMatch(r -> r.contains(address.getAddress()))) {
                throw new Refused("host '" + host + "' resolves to " + address.getHostAddress()
                        + ", an internal address (loopback, private, link-local or reserved); list it in"
                        + " argus.webhooks.allowed-hosts to allow it");
            }
        }
        return List.of(addresses);
    }

    /** True for an address of a range Argus does not call unless allowed. */
    static boolean internal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (INTERNAL.stream().anyMatch(r -> r.contains(bytes))) {
            return true;
        }
        if (address instanceof Inet6Address) {
            byte[] embedded = embeddedIpv4(bytes);
            if (embedded != null) {
                try {
                    return internal(Inet4Address.getByAddress(embedded));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return bytes.length == 4 && Arrays.equals(bytes, new byte[] {(byte) 255, (byte) 255, (byte) 255, (byte) 255});
    }

    /** The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) or NAT64 address. */
    private static byte[] embeddedIpv4(byte[] v6) {
        boolean zeroPrefix = true;
        for (int i = 0; i < 10; i++) {
            zeroPrefix &= v6[i] == 0;
        }
        boolean mapped = zeroPrefix && v6[10] == (byte) 0xFF && v6[11] == (byte) 0xFF;
        boolean compatible = zeroPrefix && v6[10] == 0 && v6[11] == 0;
        if (mapped || compatible || NAT64.contains(v6)) {
            return Arrays.copyOfRange(v6, 12, 16);
        }
        return null;
    }
}
