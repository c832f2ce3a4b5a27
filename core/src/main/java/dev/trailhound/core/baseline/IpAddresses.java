package dev.trailhound.core.baseline;

/**
 * Reads IP address literals as two unsigned 64-bit halves, IPv4 mapped into {@code ::ffff:a.b.c.d} so that both
 * kinds compare and sort together. Literals only: no name is ever resolved.
 */
final class IpAddresses {
    private IpAddresses() {
    }

    /** The address as {high, low} halves, or null when {@code text} is not an IPv4 or IPv6 literal. */
    static long[] parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (text.indexOf(':') < 0) {
            long v4 = ipv4(text);
            return v4 < 0 ? null : new long[] {0, 0xFFFF_0000_0000L | v4};
        }
        String address = text;
        int zone = address.indexOf('%');
        if (zone >= 0) {
            address = address.substring(0, zone);
        }
        int[] groups = new int[8];
        int gap = address.indexOf("::");
        if (gap >= 0 && address.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        int[] head = groups(gap >= 0 ? address.substring(0, gap) : address);
        int[] tail = gap >= 0 ? groups(address.substring(gap + 2)) : new int[0];
        if (head == null || tail == null || (gap < 0 ? head.length != 8 : head.length + tail.length > 7)) {
            return null;
        }
        System.arraycopy(head, 0, groups, 0, head.length);
        System.arraycopy(tail, 0, groups, 8 - tail.length, tail.length);
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 4; i++) {
            hi = hi << 16 | groups[i];
            lo = lo << 16 | groups[i + 4];
        }
        return new long[] {hi, lo};
    }

    /** True when the address is IPv4 (or IPv4-mapped IPv6). */
    static boolean isIpv4(long[] address) {
        return address[0] == 0 && address[1] >>> 32 == 0xFFFF;
    }

    /** The 16-bit groups of a colon-separated part; an IPv4 tail ("::ffff:1.2.3.4") counts as two groups. */
    private static int[] groups(String part) {
        if (part.isEmpty()) {
            return new int[0];
        }
        String[] texts = part.split(":", -1);
        int last = texts.length - 1;
        boolean v4Tail = texts[last].indexOf('.') > 0;
        int[] values = new int[texts.length + (v4Tail ? 1 : 0)];
        for (int i = 0; i < texts.length; i++) {
            if (i == last && v4Tail) {
                long v4 = ipv4(texts[i]);
                if (v4 < 0) {
                    return null;
                }
                values[i] = (int) (v4 >>> 16);
                values[i + 1] = (int) (v4 & 0xFFFF);
                continue;
            }
            String t = texts[i];
            if (t.isEmpty() || t.length() > 4) {
                return null;
            }
            int v = 0;
            for (int k = 0; k < t.length(); k++) {
                int d = Character.digit(t.charAt(k), 16);
                if (d < 0) {
                    return null;
                }
                v = v << 4 | d;
            }
            values[i] = v;
        }
        return values;
    }

    /** A dotted IPv4 literal as a 32-bit value, or -1. */
    private static long ipv4(String ip) {
        long value = 0;
        int octet = -1;
        int parts = 0;
        for (int i = 0; i <= ip.length(); i++) {
            char c = i < ip.length() ? ip.charAt(i) : '.';
            if (c >= '0' && c <= '9') {
                octet = (octet < 0 ? 0 : octet * 10) + (c - '0');
                if (octet > 255) {
                    return -1;
                }
            } else if (c == '.' && octet >= 0 && parts < 4) {
                value = value << 8 | octet;
                parts++;
                octet = -1;
            } else {
                return -1;
            }
        }
        return parts == 4 ? value : -1;
    }
}
