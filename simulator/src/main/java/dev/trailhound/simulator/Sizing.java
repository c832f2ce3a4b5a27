package dev.trailhound.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * Sizes the organization for the requested volume: the estate (instances, functions...) grows with the square
 * root of the volume factor (OrganizationFactory), and machines' call rates make up the rest, so that a
 * million-event run has both more principals and busier ones. People's activity does not scale.
 */
record Sizing(Organization organization, Cast cast, double machineScale) {

    static Sizing plan(SimulationOptions options, HabitBook book, ApiCatalogue apis) {
        Organization natural = OrganizationFactory.build(options.seed(), 1.0);
        Cast naturalCast = cast(natural, book, options);
        if (options.targetEvents() == 0) {
            return new Sizing(natural, naturalCast, 1.0);
        }
        double[] volume = expected(natural, naturalCast, apis, options, 1.0);
        double factor = Math.max(0.02, options.targetEvents() / Math.max(1, volume[0] + volume[1]));
        Organization sized = OrganizationFactory.build(options.seed(), factor);
        Cast cast = cast(sized, book, options);
        double[] sizedVolume = expected(sized, cast, apis, options, 1.0);
        double machineScale = Math.max(0.01, (options.targetEvents() - sizedVolume[0]) / Math.max(1, sizedVolume[1]));
        return new Sizing(sized, cast, machineScale);
    }

    private static Cast cast(Organization org, HabitBook book, SimulationOptions options) {
        long start = options.start().getEpochSecond();
        List<Actor> actors = new ArrayList<>(People.staff(org, book, options.seed()));
        actors.add(NewHire.actor(org, book, options.seed(), start, options.days()));
        actors.addAll(KeyUsers.all(org, book, options.seed(), start));
        actors.addAll(Machines.all(org, book, options.seed()));
        return new Cast(actors);
    }

    /** {people, machines} expected records over the run. */
    private static double[] expected(Organization org, Cast cast, ApiCatalogue apis, SimulationOptions options, double scale) {
        World world = new World(org, apis);
        long start = options.start().getEpochSecond();
        double people = 0;
        double machines = 0;
        for (int day = 0; day < options.days(); day++) {
            DayPlan plan = DayPlan.build(cast, world, options.seed(), start + day * Routine.DAY, scale, 1.0);
            people += plan.expectedEvents(false);
            machines += plan.expectedEvents(true);
        }
        return new double[] {people, machines};
    }
}
