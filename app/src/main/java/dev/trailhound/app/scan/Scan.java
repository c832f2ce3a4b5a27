package dev.trailhound.app.scan;

import dev.trailhound.core.account.Organisation;
import dev.trailhound.core.detect.Detector;
import dev.trailhound.core.event.Event;
import dev.trailhound.core.event.Rejection;
import dev.trailhound.core.pipeline.DetectionCore;
import dev.trailhound.core.pipeline.EventPipeline;
import dev.trailhound.core.pipeline.PipelineSettings;
import dev.trailhound.core.pipeline.PipelineStatistics;
import dev.trailhound.core.pipeline.ThreatListener;
import dev.trailhound.core.session.Session;
import dev.trailhound.core.session.Sessioniser;
import dev.trailhound.core.threat.Threat;
import dev.trailhound.core.threat.ThreatAssembler;
import dev.trailhound.formats.cloudtrail.ReadLimits;
import dev.trailhound.formats.cloudtrail.RecordSink;
import dev.trailhound.ingest.files.InputPlan;
import dev.trailhound.ingest.files.InputPlanner;
import dev.trailhound.ingest.files.OrderedFileReader;
import dev.trailhound.ingest.files.ReadStatistics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * One scan: plan the files, read them in parallel, merge into event-time order, run the pipeline, hand each
 * finished threat to a consumer. The CLI wraps it; tests drive it with their own detectors.
 */
public final class Scan {
    private final List<Detector<?>> detectors;
    private final PipelineSettings settings;
    private final ReadLimits limits;
    private final int threads;
    private final Organisation organisation;

    public Scan(List<Detector<?>> detectors, PipelineSettings settings, ReadLimits limits, int threads, Organisation organisation) {
        this.detectors = List.copyOf(detectors);
        this.settings = settings;
        this.limits = limits;
        this.threads = threads;
        this.organisation = organisation;
    }

    /**
     * @param threats   receives every threat once, when its session closes
     * @param rejects   receives every rejected record or file
     */
    public ScanSummary run(List<Path> paths, Consumer<Threat> threats, Consumer<Rejection> rejects) {
        long started = System.nanoTime();
        InputPlan plan = new InputPlanner().plan(paths);
        DetectionCore core = new DetectionCore(detectors, new Sessioniser(settings.sessions()));
        EventPipeline pipeline = new EventPipeline(core, settings, organisation, new ThreatListener() {
            @Override
            public void closed(Session threat) {
                threats.accept(ThreatAssembler.assemble(threat));
            }
        });
        ReadStatistics read;
        try (OrderedFileReader reader = new OrderedFileReader(limits, threads, core::prepare)) {
            read = reader.read(plan, new RecordSink() {
                @Override
                public void accept(Event event) {
                    pipeline.offer(event);
                }

                @Override
                public void reject(Rejection rejection) {
                    rejects.accept(rejection);
                }
            });
        }
        pipeline.finish();
        PipelineStatistics stats = pipeline.statistics();
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        return new ScanSummary(read.files(), stats.events(), read.rejected(), stats.duplicates(), stats.threats(),
                elapsedMs, stats.late(), read.skipped());
    }

    /** Wraps writer failures of a threat consumer so they end the scan with their cause. */
    static Consumer<Threat> unchecked(ThrowingConsumer<Threat> consumer) {
        return t -> {
            try {
                consumer.accept(t);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    @FunctionalInterface
    interface ThrowingConsumer<T> {
        void accept(T t) throws IOException;
    }
}
