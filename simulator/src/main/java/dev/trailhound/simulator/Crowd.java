package dev.trailhound.simulator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The many identities of a large organization beyond its named cast, added for a requested number of principals:
 * instances that each run under an instance profile role of their own, Lambda functions with their own execution
 * roles, service users whose jobs call AWS with a long-term key from the data centres, and people who sign in
 * through IAM Identity Center to the one account their team works in. Each is its own baseline identity, as the
 * anomaly detector keys them (a role, a user, a person's e-mail session), and keeps to a small habit of its own:
 * a few calls, one account and region, one address or network, one client family and its usual hours.
 * Each routine is sized to about {@code eventsPerDay} records, credential rotations and sign-ins included.
 */
final class Crowd {
    private enum Kind { INSTANCE, FUNCTION, SERVICE_USER, PERSON }

    private static final WeightedChoice<Kind> KINDS = new WeightedChoice<>(List.of(Kind.values()),
            new double[] {0.4, 0.25, 0.15, 0.2});
    private static final WeightedChoice<Integer> WORKLOAD_REGIONS = regions(OrganizationFactory.REGION_RESOURCE_SHARE);
    private static final WeightedChoice<Integer> PEOPLE_REGIONS = regions(People.PEOPLE_REGIONS);
    /** Credential periods of workload roles, shortest first; a budget of few events a day gets longer ones. */
    private static final int[] ROTATION_MINUTES = {60, 120, 240, 360, 480, 720};
    private static final String[] APPS = {"orders", "payments", "catalog", "search", "checkout", "inventory",
            "notifications", "billing", "reporting", "ingest", "identity", "media", "pricing", "shipping", "reviews",
            "loyalty", "fraud", "ledger", "analytics", "partners"};
    private static final String[] COMPONENTS = {"worker", "api", "batch", "scheduler", "indexer", "exporter",
            "gateway", "reconciler", "cache-warmer", "consumer"};
    private static final String[] TASKS = {"resize-images", "sync-records", "send-receipts", "compact-reports",
            "import-feed", "audit-events", "refresh-cache", "score-events", "archive-logs", "notify-teams"};
    private static final String[] JOBS = {"export", "backup", "import", "reconcile", "report", "sync", "archive",
            "extract"};
    private static final String[] FIRST_NAMES = {"ana", "ben", "carla", "dmitri", "elena", "farah", "georg", "hiro",
            "ines", "jonas", "kira", "lars", "mei", "nils", "olga", "pedro", "quinn", "rosa", "stefan", "tara",
            "umar", "vera", "wim", "xena", "yusuf", "zoe", "amir", "bianca", "chen", "dana", "erik", "fatima",
            "gustav", "hanna", "ivan", "jana", "kofi", "lena", "marco", "noor"};
    private static final String[] LAST_NAMES = {"silva", "meyer", "tanaka", "kowalski", "dubois", "jensen", "costa",
            "fischer", "ivanova", "moreau", "santos", "yilmaz", "novak", "horvat", "lindqvist", "oconnor", "petrov",
            "bauer", "ferreira", "nakamura", "schulz", "andersen", "romero", "vogel", "klein", "hughes", "mensah",
            "lopez", "wagner", "sato", "berg", "castillo", "popescu", "murphy", "ahmed", "kaya", "lehmann", "varga",
            "ng", "walsh"};

    private Crowd() {
    }

    /** {@code count} identities spread over the accounts in proportion to their estates, each about {@code eventsPerDay}. */
    static List<Actor> build(Organization org, HabitBook book, long seed, int count, double eventsPerDay) {
        List<Account> accounts = org.accounts();
        double[] weights = new double[accounts.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = OrganizationFactory.weight(accounts.get(i).name());
        }
        WeightedChoice<Account> where = new WeightedChoice<>(accounts, weights);
        Set<String> names = new HashSet<>();
        List<Actor> crowd = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long key = SplitMix.derive(seed, SplitMix.hash("crowd/" + i));
            SplittableRandom rng = new SplittableRandom(key);
            Account account = where.pick(rng);
            String serial = String.format(Locale.ROOT, "%04d", i);
            crowd.add(switch (KINDS.pick(rng)) {
                case INSTANCE -> instance(book, account, serial, key, rng, eventsPerDay);
                case FUNCTION -> function(book, account, serial, key, rng, eventsPerDay);
                case SERVICE_USER -> serviceUser(book, account, serial, key, rng, eventsPerDay);
                case PERSON -> person(book, account, uniqueName(rng, names), key, rng, eventsPerDay);
            });
        }
        return crowd;
    }

    /** An instance of a small service, under its own instance profile role, in one region, around the clock. */
    private static Actor instance(HabitBook book, Account account, String serial, long key, SplittableRandom rng,
            double eventsPerDay) {
        int region = WORKLOAD_REGIONS.pick(rng);
        String instance = "i-0" + IdMint.hex(16, rng);
        Role role = Role.stable(account.id(), "/", pick(APPS, rng) + "-" + pick(COMPONENTS, rng) + "-" + serial
                + "-instance-role");
        HabitSet habits = book.few("ec2-app", only(region), 3 + rng.nextInt(4), rng);
        String address = rng.nextInt(3) == 0 ? Addresses.privateIp(key) : Addresses.awsEgress(region, key);
        String agent = pick(new String[] {UserAgents.JAVA_SDK, UserAgents.BOTO3_EC2, UserAgents.GO_EC2}, rng);
        AroundTheClock rotation = rotation(eventsPerDay, habits, key);
        WorkloadRole identity = new WorkloadRole(role, instance, "ec2.amazonaws.com", address, agent, region, rotation,
                true, book.catalogue().vocabulary().bind("instanceId", instance));
        return new Actor("crowd/instance/" + instance, identity, habits, rotation, account, true);
    }

    /** A function with its own execution role, in one region, invoked around the clock. */
    private static Actor function(HabitBook book, Account account, String serial, long key, SplittableRandom rng,
            double eventsPerDay) {
        int region = WORKLOAD_REGIONS.pick(rng);
        String function = account.name() + "-" + pick(APPS, rng) + "-" + pick(TASKS, rng) + "-" + serial;
        Role role = Role.stable(account.id(), "/", function + "-role");
        HabitSet habits = book.few("lambda-app", only(region), 2 + rng.nextInt(4), rng);
        String agent = rng.nextBoolean() ? UserAgents.BOTO3_LAMBDA : UserAgents.NODE_LAMBDA;
        AroundTheClock rotation = rotation(eventsPerDay, habits, key);
        WorkloadRole identity = new WorkloadRole(role, function, "lambda.amazonaws.com",
                Addresses.awsEgress(region, key), agent, region, rotation, false,
                book.catalogue().vocabulary().bind("functionName", function));
        return new Actor("crowd/function/" + account.id() + "/" + function, identity, habits, rotation, account, true);
    }

    /** A scheduled job on a data-centre server, calling with its IAM user's access key once a day at its hour. */
    private static Actor serviceUser(HabitBook book, Account account, String serial, long key, SplittableRandom rng,
            double eventsPerDay) {
        int region = PEOPLE_REGIONS.pick(rng);
        String name = "svc-" + pick(APPS, rng) + "-" + pick(JOBS, rng) + "-" + serial;
        String agent = pick(new String[] {UserAgents.BOTO3_SCRIPT, UserAgents.JAVA_SDK_SERVER, UserAgents.CLI_LINUX}, rng);
        IamUser user = new IamUser(name, IdMint.stableAwsId("AIDA", 17, key), IdMint.stableAwsId("AKIA", 16, key),
                List.of(Addresses.dataCentre(key)), agent, agent.equals(UserAgents.CLI_LINUX), null, false);
        HabitSet habits = book.few(rng.nextBoolean() ? "machine-user" : "reporting-cli", only(region),
                2 + rng.nextInt(3), rng);
        boolean weekdaysOnly = rng.nextInt(3) == 0;
        double runsPerWeek = weekdaysOnly ? 5 : 7;
        double picks = Math.max(0.5, eventsPerDay * 7 / runsPerWeek / habits.meanEvents());
        Daily routine = new Daily(rng.nextInt(22), 20, 5 + rng.nextInt(40), picks, weekdaysOnly);
        return new Actor("crowd/user/" + account.id() + "/" + name, user, habits, routine, account, true);
    }

    /** A person of a team that works in one account and region, either in the console or with the CLI. */
    private static Actor person(HabitBook book, Account account, String name, long key, SplittableRandom rng,
            double eventsPerDay) {
        int zone = rng.nextInt(20); // 0-8 the US east coast, 9-12 the west coast, 13-19 Europe
        boolean eu = zone >= 13;
        int firstHour = eu ? 7 : zone >= 9 ? 16 : 13;
        String home = eu ? Addresses.homeEu(key) : Addresses.homeUs(key);
        List<String> addresses = List.of(home, home, Addresses.OFFICE.get(rng.nextInt(Addresses.OFFICE.size())));
        boolean console = rng.nextInt(3) == 0;
        String profile = console ? pick(new String[] {"console-readonly", "console-developer"}, rng)
                : pick(new String[] {"cli-developer", "cli-data", "reporting-cli"}, rng);
        String permissionSet = switch (profile) {
            case "console-readonly", "reporting-cli" -> "ReadOnlyAccess";
            case "cli-data" -> "DataEngineer";
            default -> "PowerUserAccess";
        };
        String browser = pick(new String[] {UserAgents.CHROME_MAC, UserAgents.FIREFOX_WIN, UserAgents.SAFARI_MAC}, rng);
        String cli = pick(new String[] {UserAgents.CLI_MAC, UserAgents.CLI_LINUX, UserAgents.CLI_WINDOWS}, rng);
        String storeId = "90676" + IdMint.stableHex(5, key) + "-" + IdMint.uuid(rng);
        SsoUser identity = new SsoUser(name + "@acme.example", storeId, permissionSet, addresses, browser, cli);
        HabitSet habits = book.few(profile, only(PEOPLE_REGIONS.pick(rng)), 3 + rng.nextInt(4), rng);
        double visitsPerWorkday = 1 + rng.nextDouble();
        double weekendFactor = 0.05;
        double eventsPerVisit = eventsPerDay * 7 / (visitsPerWorkday * (5 + 2 * weekendFactor));
        int openings = console ? 3 : 1; // portal sign-in, federation and console login; or the CLI's role credentials
        double picks = Math.max(0.5, (eventsPerVisit - openings) / habits.meanEvents());
        int minMinutes = 10;
        int maxMinutes = 90;
        OfficeHours routine = new OfficeHours(visitsPerWorkday, weekendFactor, firstHour, firstHour + 9, minMinutes,
                maxMinutes, picks * 60 / ((minMinutes + maxMinutes) / 2.0));
        return new Actor("crowd/person/" + name, identity, habits, routine,
                new WeightedChoice<>(List.of(account), new double[] {1}), console ? 1 : 0, false, Long.MIN_VALUE);
    }

    /**
     * Workload credentials renewed as often as the budget allows: each renewal is an {@code sts:AssumeRole}, and
     * renewals take at most a quarter of the records (the longest period when even that is too many).
     */
    private static AroundTheClock rotation(double eventsPerDay, HabitSet habits, long key) {
        int period = ROTATION_MINUTES[ROTATION_MINUTES.length - 1];
        for (int minutes : ROTATION_MINUTES) {
            if (Routine.DAY / 60.0 / minutes <= eventsPerDay / 4) {
                period = minutes;
                break;
            }
        }
        double perPeriod = eventsPerDay * period / (Routine.DAY / 60.0) - 1;
        double picks = Math.max(0.2, perPeriod / habits.meanEvents());
        return new AroundTheClock(period, picks, (int) Math.floorMod(key, (long) period));
    }

    /** first.last, with a number after it when the name is taken, as a directory would make it. */
    private static String uniqueName(SplittableRandom rng, Set<String> taken) {
        String base = pick(FIRST_NAMES, rng) + "." + pick(LAST_NAMES, rng);
        String name = base;
        for (int n = 2; !taken.add(name); n++) {
            name = base + n;
        }
        return name;
    }

    private static String pick(String[] options, SplittableRandom rng) {
        return options[rng.nextInt(options.length)];
    }

    private static double[] only(int region) {
        double[] weights = new double[OrganizationFactory.REGIONS.size()];
        weights[region] = 1;
        return weights;
    }

    private static WeightedChoice<Integer> regions(double[] weights) {
        List<Integer> regions = new ArrayList<>();
        for (int r = 0; r < weights.length; r++) {
            regions.add(r);
        }
        return new WeightedChoice<>(regions, weights);
    }
}
