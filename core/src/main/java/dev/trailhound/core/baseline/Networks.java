package dev.trailhound.core.baseline;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The network a request came from, as baselines remember it: the IPv4 /24 or the IPv6 /48 of
 * {@code sourceIPAddress}. An address changes with every DHCP lease and NAT pool; the network a person works
 * from does not. Values that are not addresses (an AWS service's host name, {@code AWS Internal}) have no
 * network: they say nothing about where a person is.
 */
public final class Networks {
    private Networks() {
    }

    private static final int MAX_REMEMBERED = 65_536;
    private static final String NONE = "";
    /** Source addresses repeat (people, NAT gateways, runners): each is parsed once, up to a bound. */
    private static final Map<String, String> KNOWN = new ConcurrentHashMap<>();

    /** "203.0.113.0/24", "2001:db8:1::/48", or null when {@code sourceIp} is not an IP address. */
    public static String prefixOf(String sourceIp) {
        if (sourceIp == null || sourceIp.isEmpty()) {
            return null;
        }
        String prefix = KNOWN.get(sourceIp);
        if (prefix == null) {
            prefix = parse(sourceIp);
            if (prefix == null) {
                prefix = NONE;
            }
            if (KNOWN.size() >= MAX_REMEMBERED) {
                KNOWN.clear();
            }
            KNOWN.put(sourceIp, prefix);
        }
        return prefix == NONE ? null : prefix;
    }

    private static String parse(String sourceIp) {
        long[] a = IpAddresses.parse(sourceIp);
        if (a == null) {
            return null;
        }
        if (IpAddresses.isIpv4(a)) {
            long v4 = a[1] & 0xFFFF_FFFFL;
            return (v4 >>> 24) + "." + (v4 >>> 16 & 0xFF) + "." + (v4 >>> 8 & 0xFF) + ".0/24";
        }
        return Long.toHexString(a[0] >>> 48) + ":" + Long.toHexString(a[0] >>> 32 & 0xFFFF) + ":"
                + Long.toHexString(a[0] >>> 16 & 0xFFFF) + "::/48";
    }
}
