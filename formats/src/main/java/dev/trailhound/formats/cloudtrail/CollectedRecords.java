package dev.trailhound.formats.cloudtrail;

import dev.trailhound.core.event.Event;
import dev.trailhound.core.event.Rejection;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A sink that keeps what a reader delivers, for callers that want the events of a small input at once. */
public final class CollectedRecords implements RecordSink {
    private final List<Event> events = new ArrayList<>();
    private final List<Rejection> rejections = new ArrayList<>();

    /** Reads records given as JSON texts (one record each) through the production reader, as JSON Lines. */
    public static CollectedRecords ofJson(String source, List<String> records) {
        CollectedRecords out = new CollectedRecords();
        StringBuilder lines = new StringBuilder();
        records.forEach(r -> lines.append(r.replace('\n', ' ')).append('\n'));
        try {
            new CloudTrailFileReader(ReadLimits.defaults()).read(source,
                    new ByteArrayInputStream(lines.toString().getBytes(StandardCharsets.UTF_8)), true, out);
        } catch (IOException e) {
            out.reject(new Rejection(source, "input", "unreadable: " + e.getMessage()));
        }
        return out;
    }

    @Override
    public void accept(Event event) {
        events.add(event);
    }

    @Override
    public void reject(Rejection rejection) {
        rejections.add(rejection);
    }

    public List<Event> events() {
        return events;
    }

    public List<Rejection> rejections() {
        return rejections;
    }
}
