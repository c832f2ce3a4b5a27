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
        if (sourceIp.indexOf(':') >= 0) {
            return ipv6Prefix(sourceIp);
        }
        return ipv4Prefix(sourceIp);
    }

    private static String ipv4Prefix(String ip) {
        int[] octets = new int[4];
        int part = 0;
        int value = -1;
        for (int i = 0; i < ip.length(); i++) {
            char c = ip.charAt(i);
            if (c >= '0' && c <= '9') {
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                if (value > 255) {
                    return null;
                }
            } else if (c == '.' && value >= 0 && part < 3) {
                octets[part++] = value;
                value = -1;
            } else {
                return null;
            }
        }
        if (part != 3 || value < 0) {
            return null;
        }
        octets[3] = value;
        return octets[0] + "." + octets[1] + "." + octets[2] + ".0/24";
    }

    /** The first three 16-bit groups of an IPv6 address (with {@code ::} expanded), or null. */
    private static String ipv6Prefix(String ip) {
        String address = ip;
        int zone = address.indexOf('%');
        if (zone >= 0) {
            address = address.substring(0, zone);
        }
        int[] groups = new int[8];
        int gap = address.indexOf("::");
        if (gap >= 0 && address.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        String head = gap >= 0 ? address.substring(0, gap) : address;
        String tail = gap >= 0 ? address.substring(gap + 2) : "";
        int[] front = groups(head);
        int[] back = groups(tail);
        if (front == null || back == null) {
            return null;
        }
        if (gap < 0 ? front.length != 8 : front.length + back.length > 7) {
            return null;
        }
        System.arraycopy(front, 0, groups, 0, front.length);
        System.arraycopy(back, 0, groups, 8 - back.length, back.length);
        return Integer.toHexString(groups[0]) + ":" + Integer.toHexString(groups[1]) + ":" + Integer.toHexString(groups[2]) + "::/48";
    }

    private static int[] groups(String part) {
        if (part.isEmpty()) {
            return new int[0];
        }
        String[] texts = part.split(":", -1);
        int[] values = new int[texts.length];
        for (int i = 0; i < texts.length; i++) {
            String t = texts[i];
            if (t.isEmpty() || t.length() > 4) {
                // an embedded IPv4 tail (::ffff:1.2.3.4) only matters past the /48, so it counts as two groups
                if (i == texts.length - 1 && t.indexOf('.') > 0 && ipv4Prefix(t) != null) {
                    int[] longer = new int[texts.length + 1];
                    System.arraycopy(values, 0, longer, 0, i);
                    return longer;
                }
                return null;
            }
            int v = 0;
            for (int k = 0; k < t.length(); k++) {
                int d = Character.digit(t.charAt(k), 16);
                if (d < 0) {
                    return null;
                }
                v = v * 16 + d;
            }
            values[i] = v;
        }
        return values;
    }
}
