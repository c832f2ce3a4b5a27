package dev.trailhound.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * Sizes the organization for the requested volume: the estate (instances, functions...) grows with the square
 * root of the volume factor (OrganizationFactory), and machines' call rates make up the rest, so that a
 * million-event run has both more principals and busier ones. People's activity does not scale.
 *
 * <p>For a requested number of identities, a {@link Crowd} makes up the difference between it and the named
 * cast's distinct principals. Every identity then has about the same share of the volume: the named cast keeps its
 * share, but at least {@link #NAMED_SHARE} (people as they are, machines scaled to the rest of it), and the
 * crowd's routines share the remainder.
 *
 * @param machineScale multiplies the named machines' habit picks
 * @param crowdScale   multiplies the crowd's habit picks
 */
record Sizing(Organization organization, Cast cast, double machineScale, double crowdScale) {
    /**
     * The least share of the volume the named cast keeps: its machines (the configuration recorder, the posture
     * scanner, the pipelines) are an organization's busiest principals, and the routine the labelled look-alikes
     * describe (the scanner's storm of AccessDenied, the weekly apply) needs them at more than a trickle.
     */
    static final double NAMED_SHARE = 0.1;
    /** Records a day of each crowd identity when no volume is requested: about a hundred over a week. */
    static final double CROWD_EVENTS_PER_DAY = 15;
    /**
     * The fewest records a day a crowd identity is planned for, and the least its calls are scaled by: below them
     * too many identities would make no call of their own in a week (then the volume exceeds the request instead).
     */
    static final double MIN_CROWD_EVENTS_PER_DAY = 2;
    static final double MIN_CROWD_SCALE = 0.5;

    static Sizing plan(SimulationOptions options, HabitBook book, ApiCatalogue apis) {
        Sizing named = named(options, book, apis);
        return options.identities() == 0 ? named : named.withCrowd(options, book, apis);
    }

    private static Sizing named(SimulationOptions options, HabitBook book, ApiCatalogue apis) {
        Organization natural = OrganizationFactory.build(options.seed(), 1.0);
        Cast naturalCast = cast(natural, book, options);
        if (options.targetEvents() == 0) {
            return new Sizing(natural, naturalCast, 1.0, 1.0);
        }
        double[] volume = expected(natural, naturalCast, apis, options, null);
        double factor = Math.max(0.02, options.targetEvents() / Math.max(1, volume[0] + volume[1]));
        Organization sized = OrganizationFactory.build(options.seed(), factor);
        Cast cast = cast(sized, book, options);
        double[] sizedVolume = expected(sized, cast, apis, options, null);
        double machineScale = Math.max(0.01, (options.targetEvents() - sizedVolume[0]) / Math.max(1, sizedVolume[1]));
        return new Sizing(sized, cast, machineScale, 1.0);
    }

    private Sizing withCrowd(SimulationOptions options, HabitBook book, ApiCatalogue apis) {
        PrincipalTally tally = new PrincipalTally();
        expected(organization, cast, apis, options, tally);
        int named = tally.estimate();
        int extra = Math.max(0, options.identities() - named);
        if (extra == 0) {
            return this;
        }
        long target = options.targetEvents();
        double eventsPerDay = target == 0 ? CROWD_EVENTS_PER_DAY
                : Math.max(MIN_CROWD_EVENTS_PER_DAY, (double) target / options.identities() / options.days());
        Cast withCrowd = new Cast(cast.actors(), Crowd.build(organization, book, options.seed(), extra, eventsPerDay));
        if (target == 0) {
            return new Sizing(organization, withCrowd, machineScale, 1.0);
        }
        double[] volume = expected(organization, withCrowd, apis, options, null);
        double people = volume[0];
        double machineOpenings = volume[2];
        double machinePicks = volume[1] - machineOpenings;
        double namedTarget = target * Math.max(NAMED_SHARE, (double) named / (named + extra));
        double scale = Math.max(0.01, (namedTarget - people - machineOpenings) / Math.max(1, machinePicks));
        double crowdTarget = target - people - machineOpenings - machinePicks * scale;
        double crowdScale = Math.max(MIN_CROWD_SCALE, (crowdTarget - volume[4]) / Math.max(1, volume[3]));
        return new Sizing(organization, withCrowd, scale, crowdScale);
    }

    private static Cast cast(Organization org, HabitBook book, SimulationOptions options) {
        long start = options.start().getEpochSecond();
        List<Actor> actors = new ArrayList<>(People.staff(org, book, options.seed()));
        actors.add(NewHire.actor(org, book, options.seed(), start, options.days()));
        actors.addAll(KeyUsers.all(org, book, options.seed(), start));
        actors.addAll(Machines.all(org, book, options.seed()));
        return new Cast(actors);
    }

    /**
     * {people, machines, machines' opening records, crowd's habit records, crowd's opening records} expected over
     * the run, every scale 1; the named cast's principals go into {@code tally} when there is one.
     */
    private static double[] expected(Organization org, Cast cast, ApiCatalogue apis, SimulationOptions options,
            PrincipalTally tally) {
        World world = new World(org, apis);
        long start = options.start().getEpochSecond();
        double people = 0;
        double machines = 0;
        double machineOpenings = 0;
        double crowdPicks = 0;
        double crowdOpenings = 0;
        for (int day = 0; day < options.days(); day++) {
            DayPlan plan = DayPlan.build(cast, world, options.seed(), start + day * Routine.DAY, 1.0, 1.0, 1.0);
            people += plan.expectedEvents(false);
            machines += plan.expectedEvents(true);
            machineOpenings += plan.openings(true);
            double[] crowd = plan.expectedCrowdEvents();
            crowdPicks += crowd[0];
            crowdOpenings += crowd[1];
            if (tally != null) {
                for (PlannedVisit pv : plan.visits().subList(0, plan.crowdFrom())) {
                    tally.add(pv.caller().credential());
                }
            }
        }
        return new double[] {people, machines, machineOpenings, crowdPicks, crowdOpenings};
    }
}
