package dev.trailhound.app.bench.service;

import dev.trailhound.core.event.Event;
import dev.trailhound.core.event.Rejection;
import dev.trailhound.formats.cloudtrail.ReadLimits;
import dev.trailhound.formats.cloudtrail.RecordSink;
import dev.trailhound.ingest.files.InputPlanner;
import dev.trailhound.ingest.files.OrderedFileReader;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bench-service prepare-ingest}: CloudTrail in the S3 layout (e.g. what {@code simulate} writes) as one JSON
 * Lines file in event-time order, one record a line: what the ingest benchmark posts, and where seeding takes its
 * records from.
 */
@Command(name = "prepare-ingest", description = "Write CloudTrail files as JSON Lines in event-time order (one record a line).")
final class PrepareIngestCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "FILE")
    Path out;

    @Parameters(arity = "1..*", paramLabel = "PATH")
    List<Path> paths;

    @Override
    public Integer call() throws IOException {
        Path partial = out.resolveSibling(out.getFileName() + ".partial");
        long[] counts = new long[2];
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 20);
                OrderedFileReader reader = new OrderedFileReader(ReadLimits.defaults(), Runtime.getRuntime().availableProcessors())) {
            reader.read(new InputPlanner().plan(paths), new RecordSink() {
                @Override
                public void accept(Event event) {
                    try {
                        // a record may span lines in its file; JSON Lines needs it on one
                        file.write(event.jsonText().replace('\n', ' ').replace('\r', ' ').getBytes(StandardCharsets.UTF_8));
                        file.write('\n');
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    counts[0]++;
                }

                @Override
                public void reject(Rejection rejection) {
                    counts[1]++;
                }
            });
        }
        Files.move(partial, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        System.out.printf(Locale.ROOT, "wrote %,d records to %s (%,d MB); %d rejected%n", counts[0], out,
                Files.size(out) >> 20, counts[1]);
        return 0;
    }
}
