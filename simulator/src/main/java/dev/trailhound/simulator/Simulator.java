package dev.trailhound.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes a simulated organization's CloudTrail: every principal's habitual activity, the labelled scenarios,
 * one stream per account and region, day by day (streams of a day run in parallel), then the labels.
 */
public final class Simulator {
    private Simulator() {
    }

    public static SimulationSummary run(SimulationOptions options, Path out) throws IOException {
        Vocabulary vocabulary = PlaceholderSources.standard();
        ApiCatalogue apis = ApiCatalogue.load(vocabulary);
        HabitBook book = HabitBook.load(apis);
        vocabulary.freeze();
        long start = options.start().getEpochSecond();
        Sizing sizing = Sizing.plan(options, book, apis);
        World world = new World(sizing.organization(), apis);
        Cast cast = sizing.cast();
        ScenarioStage stage = new ScenarioStage(world, cast, options.seed(), start, options.days());
        List<Scenario> scenarios = Scenarios.all(stage);

        Files.createDirectories(out);
        TrailLayout layout = new TrailLayout(out, world.organization().id(), options.organizationTrail(),
                world.organization().trailName(), world.organization().region(Organization.HOME_REGION));
        List<TrailStream> streams = new ArrayList<>();
        Map<TrailStream, List<Call>> injected = new HashMap<>();
        for (Account account : world.organization().accounts()) {
            for (int region = 0; region < world.organization().regions().size(); region++) {
                TrailStream stream = new TrailStream(world, account, region, options.seed(), layout, options.deliveryMinutes(), options.digests());
                streams.add(stream);
                injected.put(stream, scenarioCalls(scenarios, account, region));
            }
        }
        int threads = Math.max(1, Math.min(streams.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int day = 0; day < options.days(); day++) {
                long dayStart = start + day * Routine.DAY;
                DayPlan plan = DayPlan.build(cast, world, options.seed(), dayStart, sizing.machineScale(),
                        sizing.crowdScale(), options.visitShare());
                List<Future<?>> running = new ArrayList<>();
                for (TrailStream stream : streams) {
                    List<Call> today = onDay(injected.get(stream), dayStart);
                    running.add(pool.submit(() -> {
                        stream.day(plan, today);
                        return null;
                    }));
                }
                await(running);
            }
            List<Future<?>> finishing = new ArrayList<>();
            for (TrailStream stream : streams) {
                finishing.add(pool.submit(() -> {
                    stream.finish();
                    return null;
                }));
            }
            await(finishing);
        } finally {
            pool.shutdownNow();
        }
        LabelsFile.write(out, options, world.organization(), scenarios);
        return summarise(streams, world.organization(), scenarios);
    }

    private static List<Call> scenarioCalls(List<Scenario> scenarios, Account account, int region) {
        List<Call> calls = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            for (Placed placed : scenario.calls()) {
                if (placed.account() == account && placed.call().loggedRegion() == region) {
                    calls.add(placed.call());
                }
            }
        }
        return calls;
    }

    private static List<Call> onDay(List<Call> calls, long dayStart) {
        List<Call> today = new ArrayList<>();
        for (Call call : calls) {
            if (call.time() >= dayStart && call.time() < dayStart + Routine.DAY) {
                today.add(call);
            }
        }
        return today;
    }

    private static void await(List<Future<?>> futures) throws IOException {
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while writing the simulation", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof IOException io) {
                    throw io;
                }
                if (cause instanceof UncheckedIOException unchecked) {
                    throw unchecked.getCause();
                }
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(cause);
            }
        }
    }

    private static SimulationSummary summarise(List<TrailStream> streams, Organization org, List<Scenario> scenarios) {
        long events = 0;
        long files = 0;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (TrailStream stream : streams) {
            StreamTotals t = stream.totals();
            events += t.events();
            files += t.files();
            if (t.events() > 0) {
                first = Math.min(first, t.firstEventTime());
                last = Math.max(last, t.lastEventTime());
            }
        }
        int attacks = (int) scenarios.stream().filter(s -> s.label().kind().equals(ScenarioLabel.ATTACK)).count();
        return new SimulationSummary(events, files, org.accounts().size(),
                events == 0 ? null : Instant.ofEpochSecond(first), events == 0 ? null : Instant.ofEpochSecond(last),
                scenarios.size(), attacks);
    }
}
