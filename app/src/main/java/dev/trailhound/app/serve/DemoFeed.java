package dev.trailhound.app.serve;

import dev.trailhound.app.scan.AccountNamesFile;
import dev.trailhound.app.scan.InvalidAccountsFileException;
import dev.trailhound.core.event.Event;
import dev.trailhound.core.event.Rejection;
import dev.trailhound.formats.cloudtrail.RecordSink;
import dev.trailhound.ingest.files.InputPlanner;
import dev.trailhound.ingest.files.OrderedFileReader;
import dev.trailhound.ingest.files.ReadStatistics;
import dev.trailhound.simulator.SimulationOptions;
import dev.trailhound.simulator.SimulationSummary;
import dev.trailhound.simulator.Simulator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The demo's activity: a simulated organisation's CloudTrail for the last days up to today, attack scenarios among
 * it, read in event-time order (as {@code scan} reads) and handed to live detection in batches, oldest first, so
 * threats appear while the rest is still flowing in.
 */
final class DemoFeed {
    private static final int BATCH = 1_000;

    private DemoFeed() {
    }

    /**
     * Writes the simulated CloudTrail of the {@code days} before today into {@code dir} and returns what it holds.
     * Hourly delivery files (CloudTrail's are 5-minutely) keep the file count, and so the demo's start, small.
     */
    static SimulationSummary simulate(Path dir, int days, long events, long seed, Instant now) throws IOException {
        Instant start = now.truncatedTo(ChronoUnit.DAYS).minus(days, ChronoUnit.DAYS);
        return Simulator.run(new SimulationOptions(start, days, seed, events, true, 60, false, 1.0), dir);
    }

    /** The simulated organisation's account names (the simulator writes them beside the logs). */
    static Map<String, String> accountNames(Path dir) {
        try {
            return AccountNamesFile.read(dir.resolve("accounts.json"));
        } catch (InvalidAccountsFileException e) {
            throw new IllegalStateException("the simulator's accounts.json is unreadable: " + e.getMessage(), e);
        }
    }

    /** Feeds every event under {@code dir} to detection; returns how many were read and rejected. */
    static ReadStatistics feed(Path dir, LiveDetection detection, Consumer<Rejection> rejected) {
        List<Event> batch = new ArrayList<>(BATCH);
        try (OrderedFileReader reader = new OrderedFileReader(detection.limits(), 1)) {
            ReadStatistics statistics = reader.read(new InputPlanner().plan(List.of(dir.resolve("AWSLogs"))), new RecordSink() {
                @Override
                public void accept(Event event) {
                    batch.add(event);
                    if (batch.size() == BATCH) {
                        detection.submit(List.copyOf(batch));
                        batch.clear();
                    }
                }

                @Override
                public void reject(Rejection rejection) {
                    rejected.accept(rejection);
                }
            });
            if (!batch.isEmpty()) {
                detection.submit(List.copyOf(batch));
            }
            return statistics;
        }
    }
}
