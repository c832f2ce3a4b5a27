package dev.trailhound.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * Where calls come from. Offices, VPN and on-premises hosts use documentation ranges (TEST-NET); home
 * connections, AWS egress, CI runners and the vendor use public-looking prefixes of the kind of network they
 * stand for, derived from a key so that every stream agrees.
 */
final class Addresses {
    static final List<String> OFFICE = List.of("192.0.2.10", "192.0.2.11", "192.0.2.12");
    static final String VPN = "192.0.2.40";
    static final String ON_PREMISES = "192.0.2.200";
    private static final String[] HOME_US = {"73.", "98.", "24.", "67.", "71."};
    private static final String[] HOME_EU = {"86.", "92.", "81.", "84.", "91."};
    private static final String[][] AWS_EGRESS = {{"3.80.", "54.160.", "44.192."}, {"35.160.", "44.230.", "54.200."},
            {"52.16.", "34.240.", "54.72."}, {"3.120.", "18.192.", "52.57."}};
    private static final String[] DATA_CENTRES = {"198.51.100.", "203.0.113."};
    private static final String[] GITHUB_RUNNERS = {"20.57.", "4.227.", "52.238.", "172.183.", "20.102."};
    private static final String[] VENDOR = {"34.120.", "35.190."};
    /** Cloud hosting providers' ranges that nobody in the organization uses (attackers rent servers there). */
    private static final String[] HOSTING = {"146.190.", "159.223.", "167.99.", "138.68."};
    /** Residential and mobile ranges of another continent than the organization's offices and homes. */
    private static final String[] ABROAD = {"103.152.", "110.136.", "177.87.", "191.96."};

    private Addresses() {
    }

    static String homeUs(long key) {
        return address(HOME_US, key);
    }

    static String homeEu(long key) {
        return address(HOME_EU, key);
    }

    /** A public address of AWS in the region with this index (an instance's Elastic IP, Lambda's egress). */
    static String awsEgress(int region, long key) {
        return address(AWS_EGRESS[region % AWS_EGRESS.length], key);
    }

    /** A rented server's address, in a hosting range that none of the organization's principals ever uses. */
    static String hosting(long key) {
        return address(HOSTING, key);
    }

    /** A home or mobile address far from the organization's (no principal of it works from these ranges). */
    static String abroad(long key) {
        return address(ABROAD, key);
    }

    /** A server in the organization's own data centres (TEST-NET-2 and TEST-NET-3), where service users' jobs run. */
    static String dataCentre(long key) {
        return address(DATA_CENTRES, key);
    }

    static String privateIp(long key) {
        long h = SplitMix.mix(key);
        return "10." + (h & 3) + "." + ((h >>> 8) & 63) + "." + (2 + Math.floorMod(h >>> 16, 250));
    }

    static List<String> githubRunners(long key) {
        List<String> runners = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            runners.add(address(GITHUB_RUNNERS, SplitMix.derive(key, i)));
        }
        return runners;
    }

    static List<String> vendor(long key) {
        return List.of(address(VENDOR, key), address(VENDOR, SplitMix.mix(key)));
    }

    private static String address(String[] prefixes, long key) {
        long h = SplitMix.mix(key);
        String prefix = prefixes[(int) Math.floorMod(h, (long) prefixes.length)];
        int dots = prefix.length() - prefix.replace(".", "").length();
        StringBuilder sb = new StringBuilder(prefix);
        for (int i = dots; i < 4; i++) {
            if (i > dots) {
                sb.append('.');
            }
            sb.append(i == 3 ? 1 + Math.floorMod(h >>> (8 * i), 254) : Math.floorMod(h >>> (8 * i), 256));
        }
        return sb.toString();
    }
}
