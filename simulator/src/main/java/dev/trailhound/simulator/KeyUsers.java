package dev.trailhound.simulator;

import java.util.List;
import java.util.SplittableRandom;

/**
 * People who still work with an IAM user's long-term access key rather than through Identity Center: an analyst
 * whose habit never changes (the same two addresses, the same CLI, office hours, a handful of S3 and reporting
 * calls), and a contractor whose engagement ended after the first two days of the run but whose key was never
 * deactivated. {@code BehaviourAttacks} steals both keys.
 */
final class KeyUsers {
    static final String ANALYST = "hana.novak";
    static final String CONTRACTOR = "contractor-lmoreau";
    /** Days, from the start of the run, during which the contractor still works. */
    static final int CONTRACTOR_DAYS = 2;

    private KeyUsers() {
    }

    static List<Actor> all(Organization org, HabitBook book, long seed, long start) {
        return List.of(analyst(org, book, seed), contractor(org, book, seed, start));
    }

    /** Pulls reports from S3 with the AWS CLI on her Windows workstation, at the office or at home, 07-16 UTC. */
    private static Actor analyst(Organization org, HabitBook book, long seed) {
        long key = SplitMix.derive(seed, SplitMix.hash("key-user/" + ANALYST));
        IamUser user = new IamUser(ANALYST, IdMint.stableAwsId("AIDA", 17, key), IdMint.stableAwsId("AKIA", 16, key),
                List.of(Addresses.OFFICE.get(1), Addresses.OFFICE.get(1), Addresses.homeEu(key)), UserAgents.CLI_WINDOWS,
                true, null, false);
        HabitSet habits = book.personal("reporting-cli", new double[] {1, 0, 0, 0}, 0.9, new SplittableRandom(key));
        return new Actor("iam/" + ANALYST, user, habits, new OfficeHours(2.5, 0, 7, 16, 20, 120, 30),
                new WeightedChoice<>(List.of(org.account("prod")), new double[] {1}), 0, false, Long.MIN_VALUE);
    }

    /** Works on the dev account from home with the CLI on a Mac, 08-17 UTC, until the engagement ends. */
    private static Actor contractor(Organization org, HabitBook book, long seed, long start) {
        long key = SplitMix.derive(seed, SplitMix.hash("key-user/" + CONTRACTOR));
        IamUser user = new IamUser(CONTRACTOR, IdMint.stableAwsId("AIDA", 17, key), IdMint.stableAwsId("AKIA", 16, key),
                List.of(Addresses.homeEu(key)), UserAgents.CLI_MAC, true, null, false);
        HabitSet habits = book.personal("cli-developer", People.PEOPLE_REGIONS, 0.85, new SplittableRandom(key));
        return new Actor("iam/" + CONTRACTOR, user, habits, new OfficeHours(3, 0, 8, 17, 20, 150, 36),
                new WeightedChoice<>(List.of(org.account("dev")), new double[] {1}), 0, false, Long.MIN_VALUE,
                start + CONTRACTOR_DAYS * Routine.DAY);
    }
}
