package dev.trailhound.simulator;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Builds the organization. Account ids, names and regions are fixed so that documentation, demos and tests can
 * name them; resource identifiers come from the seed, and resource counts grow with the requested scale.
 */
final class OrganizationFactory {
    static final String ORGANIZATION_ID = "o-a1b2c3d4e5";
    static final List<String> REGIONS = List.of("us-east-1", "us-west-2", "eu-west-1", "eu-central-1");
    /** Share of regional resources per region: us-east-1 dominant, eu-central-1 barely used. */
    static final double[] REGION_RESOURCE_SHARE = {1.0, 0.45, 0.35, 0.1};

    private static final String[][] ACCOUNTS = {
            {"111122223333", "management"},
            {"222233334444", "security"},
            {"333344445555", "prod"},
            {"444455556666", "staging"},
            {"555566667777", "dev"},
            {"666677778888", "sandbox"},
    };
    private static final String[] APPS = {"orders", "payments", "catalog", "search", "checkout", "inventory",
            "notifications", "billing", "reporting", "ingest", "identity", "media"};

    private OrganizationFactory() {
    }

    static Organization build(long seed, double scale) {
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS.length; i++) {
            String name = ACCOUNTS[i][1];
            SplittableRandom rng = new SplittableRandom(SplitMix.derive(seed, SplitMix.hash("resources/" + name)));
            accounts.add(new Account(ACCOUNTS[i][0], name, i, resources(name, weight(name) * Math.sqrt(scale), rng)));
        }
        return new Organization(ORGANIZATION_ID, accounts, REGIONS, "acme-org-trail",
                "acme-org-cloudtrail-" + ACCOUNTS[1][0], "999988887777", "777788889999");
    }

    /** Relative size of each account's estate: production is the largest, management nearly empty. */
    static double weight(String accountName) {
        return switch (accountName) {
            case "prod" -> 1.0;
            case "staging" -> 0.6;
            case "dev" -> 0.7;
            case "sandbox" -> 0.35;
            case "security" -> 0.3;
            default -> 0.2;
        };
    }

    private static AccountResources resources(String account, double size, SplittableRandom rng) {
        Map<ResourceKind, List<String>> global = new EnumMap<>(ResourceKind.class);
        List<Map<ResourceKind, List<String>>> regional = new ArrayList<>();
        for (int r = 0; r < REGIONS.size(); r++) {
            regional.add(new EnumMap<>(ResourceKind.class));
        }
        for (ResourceKind kind : ResourceKind.values()) {
            if (kind.regional()) {
                for (int r = 0; r < REGIONS.size(); r++) {
                    int count = count(kind, size * REGION_RESOURCE_SHARE[r], rng);
                    regional.get(r).put(kind, mintAll(kind, account, count, rng));
                }
            } else {
                global.put(kind, mintAll(kind, account, count(kind, Math.max(size, 0.5), rng), rng));
            }
        }
        global.get(ResourceKind.BUCKET).add(0, "acme-" + account + "-terraform-state");
        global.get(ResourceKind.POLICY).replaceAll(name -> name.startsWith("arn:") ? name
                : "arn:aws:iam::" + idOf(account) + ":policy/" + name);
        return new AccountResources(global, regional);
    }

    private static int count(ResourceKind kind, double size, SplittableRandom rng) {
        // at least two of each, so that every scenario finds what it acts on even at the smallest scale
        if (kind == ResourceKind.VPC || kind == ResourceKind.DETECTOR || kind == ResourceKind.ECS_CLUSTER) {
            return 1;
        }
        return Math.max(2, (int) Math.round(kind.typicalCount() * size * (0.7 + 0.6 * rng.nextDouble())));
    }

    private static List<String> mintAll(ResourceKind kind, String account, int count, SplittableRandom rng) {
        List<String> names = new ArrayList<>();
        int attempts = 0;
        while (names.size() < count && attempts++ < count * 8) {
            String name = kind.mint(account, APPS[rng.nextInt(APPS.length)], rng);
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    private static String idOf(String accountName) {
        for (String[] account : ACCOUNTS) {
            if (account[1].equals(accountName)) {
                return account[0];
            }
        }
        throw new IllegalArgumentException(accountName);
    }
}
