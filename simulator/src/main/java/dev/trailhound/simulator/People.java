package dev.trailhound.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * The organization's people: who they are, what they do and where they work from. Their names, roles and
 * working hours are fixed so that demos and documentation can name them; everything else is derived.
 */
final class People {
    /** name, permission set, habit profile, time zone (us-east, us-west, eu), share of console visits, account weights. */
    private static final Object[][] STAFF = {
            {"alice.nguyen", "AdministratorAccess", "console-admin", "us-east", 0.6, new double[] {0.1, 0.1, 0.45, 0.2, 0.1, 0.05}},
            {"raj.patel", "AdministratorAccess", "cli-admin", "eu", 0.2, new double[] {0.05, 0.05, 0.5, 0.25, 0.15, 0}},
            {"maria.garcia", "PowerUserAccess", "cli-developer", "us-west", 0.3, new double[] {0, 0, 0.15, 0.3, 0.5, 0.05}},
            {"tom.becker", "PowerUserAccess", "cli-developer", "eu", 0.25, new double[] {0, 0, 0.1, 0.35, 0.45, 0.1}},
            {"li.wei", "PowerUserAccess", "console-developer", "us-east", 0.7, new double[] {0, 0, 0.2, 0.3, 0.5, 0}},
            {"sam.okafor", "PowerUserAccess", "cli-developer", "us-east", 0.2, new double[] {0, 0, 0.1, 0.3, 0.4, 0.2}},
            {"emma.larsen", "SecurityAudit", "console-security", "eu", 0.8, new double[] {0.2, 0.5, 0.15, 0.05, 0.05, 0.05}},
            {"david.kim", "SecurityAudit", "cli-security", "us-west", 0.3, new double[] {0.2, 0.5, 0.2, 0.05, 0.05, 0}},
            {"nina.rossi", "DataEngineer", "cli-data", "eu", 0.1, new double[] {0, 0, 0.7, 0.1, 0.2, 0}},
            {"omar.haddad", "ReadOnlyAccess", "console-readonly", "us-east", 1.0, new double[] {0.1, 0.1, 0.4, 0.2, 0.2, 0}},
            {"julia.schmidt", "PowerUserAccess", "console-developer", "eu", 0.6, new double[] {0, 0, 0.2, 0.4, 0.4, 0}},
            {"kevin.brown", "AdministratorAccess", "console-admin", "us-west", 0.7, new double[] {0.3, 0.2, 0.3, 0.1, 0.1, 0}},
    };
    static final double[] PEOPLE_REGIONS = {0.72, 0.14, 0.11, 0.03};

    private People() {
    }

    static List<Actor> staff(Organization org, HabitBook book, long seed) {
        List<Actor> actors = new ArrayList<>();
        for (Object[] row : STAFF) {
            actors.add(person(org, book, seed, (String) row[0], (String) row[1], (String) row[2], (String) row[3],
                    (double) row[4], (double[]) row[5], Long.MIN_VALUE));
        }
        return actors;
    }

    /** A person who joins the organization at {@code activeFrom}: the new employee whose first week is all new. */
    static Actor newHire(Organization org, HabitBook book, long seed, long activeFrom) {
        return person(org, book, seed, "priya.sharma", "PowerUserAccess", "cli-developer", "us-east", 0.4,
                new double[] {0, 0, 0.2, 0.4, 0.4, 0}, activeFrom);
    }

    static Actor person(Organization org, HabitBook book, long seed, String name, String permissionSet, String profile,
            String zone, double consoleShare, double[] accountWeights, long activeFrom) {
        long key = SplitMix.derive(seed, SplitMix.hash("person/" + name));
        String email = name + "@acme.example";
        boolean eu = zone.equals("eu");
        String home = eu ? Addresses.homeEu(key) : Addresses.homeUs(key);
        List<String> addresses = List.of(home, home, Addresses.OFFICE.get((int) Math.floorMod(key, 3L)), Addresses.VPN);
        String browser = switch ((int) Math.floorMod(key >>> 3, 3L)) {
            case 0 -> UserAgents.CHROME_MAC;
            case 1 -> UserAgents.FIREFOX_WIN;
            default -> UserAgents.SAFARI_MAC;
        };
        String cli = switch ((int) Math.floorMod(key >>> 5, 3L)) {
            case 0 -> UserAgents.CLI_MAC;
            case 1 -> UserAgents.CLI_LINUX;
            default -> UserAgents.CLI_WINDOWS;
        };
        String storeId = "90676" + IdMint.stableHex(5, key) + "-" + IdMint.uuid(new java.util.SplittableRandom(key));
        SsoUser identity = new SsoUser(email, storeId, permissionSet, addresses, browser, cli);
        int firstHour = switch (zone) {
            case "eu" -> 7;
            case "us-west" -> 16;
            default -> 13;
        };
        Routine routine = new OfficeHours(2.2, 0.08, firstHour, firstHour + 9, 15, 150, 36);
        HabitSet habits = book.personal(profile, PEOPLE_REGIONS, 0.85, new java.util.SplittableRandom(key));
        List<Account> accounts = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (int i = 0; i < accountWeights.length; i++) {
            if (accountWeights[i] > 0) {
                accounts.add(org.accounts().get(i));
                weights.add(accountWeights[i]);
            }
        }
        return new Actor("person/" + name, identity, habits, routine,
                new WeightedChoice<>(accounts, weights.stream().mapToDouble(Double::doubleValue).toArray()),
                consoleShare, false, activeFrom);
    }
}
