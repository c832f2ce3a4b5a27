package dev.trailhound.core.baseline;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Who operates an address and where: the autonomous system (number and organisation) and the country, from files
 * the user supplies, so that baselines can say "a hosting provider in another country" rather than only "a new
 * /24". Two open formats:
 *
 * <ul>
 *   <li>address ranges, one per line, tab- or comma-separated: {@code first-address last-address asn country
 *       organisation} (the layout of the public-domain ip2asn files; {@code 0}/{@code None} for unrouted ranges).
 *       IPv4 and IPv6.</li>
 *   <li>AWS's published {@code ip-ranges.json}: its addresses are AWS's own ({@code AWS <service> <region>}), so a
 *       call from an EC2 instance is recognised as coming from AWS whatever the range file says.</li>
 * </ul>
 *
 * Lookups are binary searches over sorted ranges (IPv6 as two unsigned 64-bit halves); overlapping ranges are
 * resolved in favour of the narrowest.
 */
public final class IpIntelligence {
    /**
     * What is known of an address.
     *
     * @param asn          the autonomous system number, or 0
     * @param organisation its operator (or "AWS EC2 us-east-1"), or null
     * @param country      ISO 3166 alpha-2, or null
     */
    public record Owner(long asn, String organisation, String country) {
        /** "AS14061 DIGITALOCEAN-ASN" or "AWS EC2 us-east-1". */
        public String operator() {
            return asn > 0 ? "AS" + asn + (organisation != null ? " " + organisation : "") : organisation;
        }
    }

    private record Range(long hi1, long lo1, long hi2, long lo2, Owner owner) {
    }

    private static final Comparator<Range> BY_START = (a, b) -> {
        int c = Long.compareUnsigned(a.hi1, b.hi1);
        return c != 0 ? c : Long.compareUnsigned(a.lo1, b.lo1);
    };

    /** Ranges sorted by start, with the furthest end among each range and those before it (ranges may nest). */
    private record Sorted(Range[] ranges, long[] maxEndHi, long[] maxEndLo) {
        static Sorted of(List<Range> list) {
            Range[] r = list.stream().sorted(BY_START).toArray(Range[]::new);
            long[] hi = new long[r.length];
            long[] lo = new long[r.length];
            for (int i = 0; i < r.length; i++) {
                boolean further = i == 0 || compare(r[i].hi2, r[i].lo2, hi[i - 1], lo[i - 1]) > 0;
                hi[i] = further ? r[i].hi2 : hi[i - 1];
                lo[i] = further ? r[i].lo2 : lo[i - 1];
            }
            return new Sorted(r, hi, lo);
        }
    }

    private final Sorted ranges;
    private final Sorted aws;

    private IpIntelligence(List<Range> ranges, List<Range> aws) {
        this.ranges = Sorted.of(ranges);
        this.aws = Sorted.of(aws);
    }

    /** Compares two 128-bit unsigned values given as halves. */
    private static int compare(long hi1, long lo1, long hi2, long lo2) {
        int c = Long.compareUnsigned(hi1, hi2);
        return c != 0 ? c : Long.compareUnsigned(lo1, lo2);
    }

    public static IpIntelligence none() {
        return new IpIntelligence(List.of(), List.of());
    }

    /** True when neither file was given: baselines use networks only. */
    public boolean isEmpty() {
        return ranges.ranges.length == 0 && aws.ranges.length == 0;
    }

    /**
     * Reads address ranges and, optionally, AWS's ranges.
     *
     * @param rangesSource names the first stream in errors (a file path); {@code awsRanges} may be null
     * @throws IllegalArgumentException naming the file and line of a bad line, and what it should hold
     */
    public static IpIntelligence read(InputStream ranges, String rangesSource, InputStream awsRanges, String awsSource) throws IOException {
        List<Range> owned = ranges == null ? List.of() : readRanges(ranges, rangesSource);
        List<Range> amazon = awsRanges == null ? List.of() : readAws(awsRanges, awsSource);
        return new IpIntelligence(owned, amazon);
    }

    private static List<Range> readRanges(InputStream in, String source) throws IOException {
        List<Range> list = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] c = line.split(line.indexOf('\t') >= 0 ? "\t" : ",", 5);
            if (number == 1 && !c[0].isEmpty() && !Character.isDigit(c[0].charAt(0)) && c[0].indexOf(':') < 0) {
                continue;   // a header line
            }
            if (c.length < 4) {
                throw new IllegalArgumentException(source + ":" + number + ": expected 'first-address, last-address, asn, country[, organisation]'"
                        + " (tab- or comma-separated), got '" + line + "'");
            }
            long[] first = IpAddresses.parse(c[0].trim());
            long[] last = IpAddresses.parse(c[1].trim());
            if (first == null || last == null) {
                throw new IllegalArgumentException(source + ":" + number + ": '" + (first == null ? c[0] : c[1]).trim() + "' is not an IP address");
            }
            if (IpAddresses.isIpv4(first) != IpAddresses.isIpv4(last) || compare(first[0], first[1], last[0], last[1]) > 0) {
                throw new IllegalArgumentException(source + ":" + number + ": the range " + c[0].trim() + " to " + c[1].trim()
                        + " is empty or mixes IPv4 and IPv6: the first address must come first, both of one kind");
            }
            long asn;
            try {
                asn = Long.parseLong(c[2].trim().replaceFirst("^(?i)AS", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(source + ":" + number + ": the AS number '" + c[2].trim() + "' is not a number");
            }
            String country = c[3].trim();
            String organisation = c.length > 4 ? c[4].trim() : "";
            if (asn == 0 && (organisation.isEmpty() || organisation.equalsIgnoreCase("Not routed"))) {
                continue;
            }
            list.add(new Range(first[0], first[1], last[0], last[1], new Owner(asn,
                    organisation.isEmpty() || organisation.equalsIgnoreCase("None") ? null : organisation,
                    country.isEmpty() || country.equalsIgnoreCase("None") ? null : country)));
        }
        return list;
    }

    private static List<Range> readAws(InputStream in, String source) throws IOException {
        List<Range> list = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException(source + ": expected AWS's ip-ranges.json (a JSON object with \"prefixes\")");
            }
            boolean prefixesSeen = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if ((field.equals("prefixes") || field.equals("ipv6_prefixes")) && p.currentToken() == JsonToken.START_ARRAY) {
                    prefixesSeen |= field.equals("prefixes");
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        String prefix = null;
                        String service = null;
                        String region = null;
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String name = p.currentName();
                            p.nextToken();
                            switch (name) {
                                case "ip_prefix", "ipv6_prefix" -> prefix = p.getValueAsString();
                                case "service" -> service = p.getValueAsString();
                                case "region" -> region = p.getValueAsString();
                                default -> p.skipChildren();
                            }
                        }
                        Range r = prefix == null ? null : cidr(prefix, new Owner(0, "AWS " + service + " " + region, null));
                        if (r == null) {
                            throw new IllegalArgumentException(source + ": line " + p.currentLocation().getLineNr() + ": '" + prefix
                                    + "' is not a CIDR prefix");
                        }
                        list.add(r);
                    }
                    if (p.currentToken() != JsonToken.END_ARRAY) {
                        throw new IllegalArgumentException(source + ": line " + p.currentLocation().getLineNr() + ": " + field
                                + " must hold objects with a prefix, service and region, found " + p.currentToken());
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (!prefixesSeen) {
                throw new IllegalArgumentException(source + ": no \"prefixes\": not AWS's ip-ranges.json");
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": not valid JSON at line " + e.getLocation().getLineNr() + ": " + e.getOriginalMessage());
        }
        return list;
    }

    private static Range cidr(String prefix, Owner owner) {
        int slash = prefix.indexOf('/');
        if (slash < 0) {
            return null;
        }
        long[] base = IpAddresses.parse(prefix.substring(0, slash));
        int bits;
        try {
            bits = Integer.parseInt(prefix.substring(slash + 1));
        } catch (NumberFormatException e) {
            return null;
        }
        if (base == null || bits < 0 || bits > (prefix.indexOf(':') >= 0 ? 128 : 32)) {
            return null;
        }
        int total = prefix.indexOf(':') >= 0 ? bits : bits + 96;   // IPv4 lives in the low 32 bits of the mapped space
        long hiMask = total >= 64 ? -1L : total == 0 ? 0 : -1L << (64 - total);
        long loMask = total <= 64 ? 0 : total == 128 ? -1L : -1L << (128 - total);
        long hi = base[0] & hiMask;
        long lo = base[1] & loMask;
        return new Range(hi, lo, hi | ~hiMask, lo | ~loMask, owner);
    }

    /** What is known of {@code ip}: AWS's own ranges first, then the range file; null when nothing is. */
    public Owner lookUp(String ip) {
        if (isEmpty() || ip == null) {
            return null;
        }
        long[] a = IpAddresses.parse(ip);
        if (a == null) {
            return null;
        }
        Owner owner = find(aws, a);
        return owner != null ? owner : find(ranges, a);
    }

    /**
     * The narrowest range holding the address: a binary search for the last range starting at or before it, then back
     * while an earlier range may still reach it (the running furthest end says when none can). Among equally wide
     * ranges, a named AWS service beats AWS's catch-all "AMAZON" listing of the same prefix.
     */
    private static Owner find(Sorted sorted, long[] a) {
        Range[] r = sorted.ranges;
        int low = 0;
        int high = r.length - 1;
        int last = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (compare(r[mid].hi1, r[mid].lo1, a[0], a[1]) <= 0) {
                last = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        Range best = null;
        for (int i = last; i >= 0 && compare(sorted.maxEndHi[i], sorted.maxEndLo[i], a[0], a[1]) >= 0; i--) {
            Range c = r[i];
            if (compare(c.hi2, c.lo2, a[0], a[1]) >= 0 && (best == null || narrower(c, best))) {
                best = c;
            }
        }
        return best == null ? null : best.owner;
    }

    private static boolean narrower(Range a, Range b) {
        int c = compare(spanHi(a), spanLo(a), spanHi(b), spanLo(b));
        if (c != 0) {
            return c < 0;
        }
        return isCatchAll(b) && !isCatchAll(a);
    }

    private static long spanLo(Range r) {
        return r.lo2 - r.lo1;
    }

    private static long spanHi(Range r) {
        return r.hi2 - r.hi1 - (Long.compareUnsigned(r.lo2, r.lo1) < 0 ? 1 : 0);
    }

    private static boolean isCatchAll(Range r) {
        return r.owner.organisation() != null && r.owner.organisation().startsWith("AWS AMAZON ");
    }

    public int size() {
        return ranges.ranges.length + aws.ranges.length;
    }
}
