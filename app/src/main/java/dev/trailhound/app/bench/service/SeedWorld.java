package dev.trailhound.app.bench.service;

import dev.trailhound.core.attack.AttackCatalog;
import dev.trailhound.core.attack.Tactic;
import dev.trailhound.core.attack.Technique;
import dev.trailhound.core.detect.Detection;
import dev.trailhound.core.detect.DetectionKind;
import dev.trailhound.core.detect.Severity;
import dev.trailhound.core.threat.Threat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The made-up organisation the seeded threats belong to: accounts, the people and roles in them, the ATT&CK
 * techniques that fire (a few often, many rarely), severities and asset types in realistic proportions. Deterministic
 * for a seed.
 */
final class SeedWorld {
    private static final String[] FIRST = {"alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan",
            "judy", "mallory", "niaj", "olivia", "peggy", "rupert", "sybil", "trent", "victor", "walter", "yusuf"};
    private static final String[] ROLES = {"ci-deploy", "admin", "data-pipeline", "support", "readonly", "billing",
            "lambda-exec", "ec2-app", "backup", "security-audit", "terraform", "break-glass"};
    private static final String[][] ASSETS = {{"IAM", "user"}, {"IAM", "role"}, {"EC2", "instance"}, {"S3", "bucket"},
            {"STS", "session"}, {"Lambda", "function"}, {"KMS", "key"}, {"RDS", "db"}, {"SecretsManager", "secret"},
            {"CloudTrail", "trail"}, {"GuardDuty", "detector"}, {"Organizations", "account"}, {"SSM", "parameter"}};
    private static final double[] ASSET_WEIGHTS = {14, 11, 20, 15, 8, 6, 5, 4, 4, 4, 3, 3, 3};
    private static final double[] SEVERITY_WEIGHTS = {35, 35, 22, 8};

    private final AttackCatalog attack = AttackCatalog.v19();
    private final List<String> accounts = new ArrayList<>();
    private final List<Person> people = new ArrayList<>();
    private final List<Technique> techniques;
    private final Zipf accountPick;
    private final Zipf personPick;
    private final Zipf techniquePick;

    record Person(String name, String accountId, String arn) {}

    SeedWorld(int accountCount, int peopleCount, SplittableRandom random) {
        for (int i = 0; i < accountCount; i++) {
            accounts.add(String.format(Locale.ROOT, "%012d", 100_000_000_000L + random.nextLong(899_999_999_999L)));
        }
        accountPick = new Zipf(accountCount, 0.9);
        for (int i = 0; i < peopleCount; i++) {
            String account = accounts.get(accountPick.next(random));
            if (random.nextInt(3) == 0) {
                String role = ROLES[random.nextInt(ROLES.length)] + "-" + i;
                String session = FIRST[random.nextInt(FIRST.length)] + "@example.com";
                people.add(new Person(session, account, "arn:aws:sts::" + account + ":assumed-role/" + role + "/" + session));
            } else {
                String name = FIRST[random.nextInt(FIRST.length)] + "." + i;
                people.add(new Person(name, account, "arn:aws:iam::" + account + ":user/" + name));
            }
        }
        personPick = new Zipf(peopleCount, 0.6);
        List<Technique> all = new ArrayList<>(attack.techniques());
        Collections.shuffle(all, new java.util.Random(random.nextLong()));
        techniques = all.subList(0, Math.min(400, all.size()));
        techniquePick = new Zipf(techniques.size(), 1.0);
    }

    List<String> accounts() {
        return accounts;
    }

    /** A threat of this world detected at {@code detectionMillis} over the given events (ids in time order). */
    Threat threat(String threatId, long detectionMillis, long firstMillis, long lastMillis, List<String> eventIds,
                  SplittableRandom random) {
        Person p = people.get(personPick.next(random));
        String[] asset = ASSETS[pick(ASSET_WEIGHTS, random)];
        Severity severity = Severity.values()[pick(SEVERITY_WEIGHTS, random)];
        int detectionCount = 1 + (random.nextInt(10) < 6 ? 0 : random.nextInt(3));
        List<Tactic> tactics = new ArrayList<>();
        List<Technique> used = new ArrayList<>();
        List<Detection> detections = new ArrayList<>();
        for (int d = 0; d < detectionCount; d++) {
            Technique technique = techniques.get(techniquePick.next(random));
            Tactic tactic = attack.tacticsOf(technique).get(0);
            if (!tactics.contains(tactic)) {
                tactics.add(tactic);
            }
            if (!used.contains(technique)) {
                used.add(technique);
            }
            String eventId = eventIds.get(Math.min(eventIds.size() - 1, d));
            Severity level = d == 0 ? severity : Severity.values()[random.nextInt(severity.ordinal() + 1)];
            detections.add(new Detection(d == 0 || random.nextInt(4) > 0 ? DetectionKind.RULE : DetectionKind.ANOMALY,
                    "rule-" + technique.id().toLowerCase(Locale.ROOT), attack.displayName(technique) + " by " + p.name(), level,
                    eventId, detectionMillis, List.of(eventId), List.of(tactic), List.of(technique),
                    p.name() + " called an API associated with " + technique.name() + " from an address not seen before"));
        }
        String assetId = asset[0].toLowerCase(Locale.ROOT) + "-" + Long.toHexString(random.nextLong(1L << 40));
        String sessionId = p.arn() + "#" + firstMillis;
        return new Threat(threatId, sessionId, p.accountId(), p.name(), p.arn(), asset[0], asset[1], assetId, severity,
                attack.sortByKillChain(tactics), used, detectionMillis, firstMillis, lastMillis, detections, eventIds, 0, List.of());
    }

    private static int pick(double[] weights, SplittableRandom random) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** Ranks 0..n-1 drawn with probability proportional to 1/(rank+1)^s. */
    private static final class Zipf {
        private final double[] cumulative;

        Zipf(int n, double s) {
            cumulative = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += 1 / Math.pow(i + 1, s);
                cumulative[i] = sum;
            }
        }

        int next(SplittableRandom random) {
            double x = random.nextDouble() * cumulative[cumulative.length - 1];
            int i = java.util.Arrays.binarySearch(cumulative, x);
            return Math.min(cumulative.length - 1, i >= 0 ? i : -i - 1);
        }
    }
}
