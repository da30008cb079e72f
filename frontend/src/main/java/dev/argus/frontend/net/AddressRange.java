package dev.argus.frontend.net;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An address or a CIDR range of one family, parsed from a literal (never resolved): {@code 10.0.0.0/8},
 * {@code fc00::/7}, {@code 127.0.0.1}. The one parser and matcher of address ranges: the webhooks' outbound rule and
 * the clamd front door's client allow-list both use it.
 */
public record AddressRange(byte[] network, int prefix) {

    /** The range, or null when the text is not an address literal with an optional prefix length. */
    public static AddressRange parse(String text) {
        String literal = text.strip();
        int slash = literal.indexOf('/');
        String address = slash < 0 ? literal : literal.substring(0, slash);
        if (address.startsWith("[") && address.endsWith("]")) {
            address = address.substring(1, address.length() - 1);
        }
        if (!isLiteral(address)) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(address).getAddress(); // a literal: no lookup
        } catch (UnknownHostException e) {
            return null;
        }
        int prefix = bytes.length * 8;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(literal.substring(slash + 1));
            } catch (NumberFormatException e) {
                return null;
            }
            if (prefix < 0 || prefix > bytes.length * 8) {
                return null;
            }
        }
        return new AddressRange(bytes, prefix);
    }

    /** True for an IPv4 or IPv6 literal, so that parsing it never asks DNS. */
    private static boolean isLiteral(String address) {
        return !address.isEmpty()
                && (address.contains(":") || address.chars().allMatch(c -> c == '.' || Character.isDigit(c)));
    }

    /** True when the address (as {@link InetAddress#getAddress()} gives it) is in the range. */
    public boolean contains(byte[] address) {
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
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (address[whole] & mask) == (network[whole] & mask);
    }
}
