package dev.trailhound.core.rules.match;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv4 or IPv6 network in CIDR notation. Only address literals are parsed: nothing here ever resolves a
 * host name.
 */
public final class IpNetwork {
    private final String text;
    private final byte[] prefix;
    private final int bits;

    private IpNetwork(String text, byte[] prefix, int bits) {
        this.text = text;
        this.prefix = prefix;
        this.bits = bits;
    }

    /** Parses {@code 10.0.0.0/8} or {@code 2001:db8::/32}; a bare address is a /32 or /128. */
    public static IpNetwork parse(String cidr) {
        String s = cidr.strip();
        int slash = s.indexOf('/');
        byte[] address = literal(slash < 0 ? s : s.substring(0, slash));
        if (address == null) {
            throw new IllegalArgumentException("'" + cidr + "' is not an IP network such as 10.0.0.0/8 or 2001:db8::/32");
        }
        int bits = address.length * 8;
        if (slash >= 0) {
            try {
                bits = Integer.parseInt(s.substring(slash + 1));
            } catch (NumberFormatException e) {
                bits = -1;
            }
            if (bits < 0 || bits > address.length * 8) {
                throw new IllegalArgumentException("'" + cidr + "': the prefix length must be 0 to " + address.length * 8);
            }
        }
        return new IpNetwork(s, address, bits);
    }

    public boolean contains(String address) {
        byte[] a = literal(address.strip());
        if (a == null || a.length != prefix.length) {
            return false;
        }
        int full = bits / 8;
        for (int i = 0; i < full; i++) {
            if (a[i] != prefix[i]) {
                return false;
            }
        }
        int rest = bits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest) & 0xff;
        return (a[full] & mask) == (prefix[full] & mask);
    }

    /** The bytes of an IPv4 or IPv6 literal, or null when the text is not one. */
    static byte[] literal(String s) {
        if (s.isEmpty()) {
            return null;
        }
        if (s.indexOf(':') < 0) {
            return ipv4(s);
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
                return null;   // also refuses zone ids and anything that could be taken for a host name
            }
        }
        try {
            return InetAddress.getByName(s).getAddress();   // a literal: no name lookup happens
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }

    private static byte[] ipv4(String s) {
        byte[] out = new byte[4];
        int part = 0;
        int value = -1;
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : '.';
            if (c == '.') {
                if (value < 0 || part > 3) {
                    return null;
                }
                out[part++] = (byte) value;
                value = -1;
            } else if (c >= '0' && c <= '9') {
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                if (value > 255) {
                    return null;
                }
            } else {
                return null;
            }
        }
        return part == 4 ? out : null;
    }

    @Override
    public String toString() {
        return text;
    }
}
