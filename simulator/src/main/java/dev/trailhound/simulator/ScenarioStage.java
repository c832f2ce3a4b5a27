package dev.trailhound.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * What scenarios are written against: the world, the cast (whose credentials attackers steal), the run's seed
 * and time span, and the attacker's infrastructure.
 */
record ScenarioStage(World world, Cast cast, long seed, long start, int days) {
    static final String KALI_CLI = "aws-cli/1.22.34 Python/3.9.2 Linux/5.15.0-kali3-amd64 botocore/1.24.8";
    static final String KALI_BOTO = "Boto3/1.26.45 Python/3.11.2 Linux/6.1.0-kali5-amd64 Botocore/1.29.45";
    static final String GO_TOOL = "aws-sdk-go/1.44.122 (go1.19.3; linux; amd64)";
    static final String S3_BROWSER = "S3 Browser/11.5.7 (https://s3browser.com)";

    Organization organization() {
        return world.organization();
    }

    Account account(String name) {
        return organization().account(name);
    }

    /** Epoch second of {@code hh:mm} UTC on the day at {@code fraction} of the span (attacks sit in its second half). */
    long at(double fraction, int hour, int minute) {
        int day = Math.min(days - 1, (int) Math.floor(days * fraction));
        return start + day * Routine.DAY + hour * 3600L + minute * 60L;
    }

    /** A hosting-provider address of the attacker's, stable per scenario. */
    String attackerAddress(String scenario) {
        String[] prefixes = {"185.220.101.", "45.134.26.", "194.165.16.", "5.188.206.", "103.251.167."};
        long h = SplitMix.hash("attacker/" + scenario);
        return prefixes[(int) Math.floorMod(h, (long) prefixes.length)] + (2 + Math.floorMod(h >>> 8, 250));
    }

    /** A rented server in a hosting range that the organization never uses, stable per scenario. */
    String hostingAddress(String scenario) {
        return Addresses.hosting(SplitMix.hash("hosting/" + scenario));
    }

    /** An address on another continent, in a range that the organization never uses, stable per scenario. */
    String abroadAddress(String scenario) {
        return Addresses.abroad(SplitMix.hash("abroad/" + scenario));
    }

    /**
     * Every visit of the principals whose cast id starts with {@code prefix}, over the whole run, with its caller:
     * what their routine does (visits a small sample would thin out included).
     */
    List<PlannedVisit> routineOf(String prefix) {
        List<PlannedVisit> visits = new ArrayList<>();
        for (Actor actor : cast.actors()) {
            if (!actor.id().startsWith(prefix)) {
                continue;
            }
            for (int day = 0; day < days; day++) {
                long dayStart = start + day * Routine.DAY;
                for (Visit visit : actor.visits(seed, dayStart, DayPlan.dayOfWeek(dayStart), 1.0, 1.0)) {
                    Caller caller = actor.identity().caller(visit, actor.key(seed), world);
                    visits.add(new PlannedVisit(actor, visit, caller, List.of()));
                }
            }
        }
        visits.sort((a, b) -> Long.compare(a.visit().start(), b.visit().start()));
        return visits;
    }

    Script script(String scenario, Account account, long when) {
        return new Script(world, SplitMix.derive(seed, SplitMix.hash("scenario/" + scenario)), account, when);
    }

    /** The long-term key credential of an IAM user of the cast. */
    Credential keyOf(String actorId, Account account) {
        IamUser user = (IamUser) cast.find(actorId).identity();
        return Credential.iamUser(account.id(), user.userName(), user.userId(), user.accessKeyId());
    }

    /** A person's SSO role session in {@code account}, as an attacker with the person's cached token gets it. */
    Credential ssoSession(String person, Account account, long when) {
        SsoUser user = (SsoUser) cast.find("person/" + person).identity();
        String key = Identity.sessionKey(SplitMix.derive(seed, SplitMix.hash("stolen/" + person), when));
        return Credential.assumedRole(user.role(account), user.email(), key, when, false);
    }

    /** The role credentials an instance holds at {@code when} (what a compromised instance leaks). */
    Credential instanceCredentials(String instanceId, Account account, long when) {
        Actor actor = cast.find("instance/" + instanceId);
        WorkloadRole role = (WorkloadRole) actor.identity();
        long periodStart = role.rotation().periodStart(when);
        Visit visit = new Visit(0, periodStart, periodStart + 3600, 0, account, false);
        return role.caller(visit, actor.key(seed), world).credential();
    }

    String instance(Account account, int region, int index) {
        List<String> instances = account.resources().of(ResourceKind.INSTANCE, region);
        return instances.get(Math.floorMod(index, instances.size()));
    }

    List<String> all(Account account, ResourceKind kind, int region) {
        return account.resources().of(kind, region);
    }
}
