package dev.trailhound.ingest.files;

import static dev.trailhound.ingest.files.CloudTrailTree.object;
import static dev.trailhound.ingest.files.CloudTrailTree.record;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trailhound.core.event.Event;
import dev.trailhound.core.event.Rejection;
import dev.trailhound.formats.cloudtrail.ReadLimits;
import dev.trailhound.formats.cloudtrail.RecordSink;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrderedFileReaderTest {
    private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

    @TempDir
    Path root;

    private final List<Event> events = new ArrayList<>();
    private final List<Rejection> rejections = new ArrayList<>();

    private ReadStatistics read(Path... paths) {
        InputPlan plan = new InputPlanner().plan(List.of(paths));
        try (OrderedFileReader reader = new OrderedFileReader(ReadLimits.defaults(), 2)) {
            return reader.read(plan, new RecordSink() {
                @Override
                public void accept(Event event) {
                    events.add(event);
                }

                @Override
                public void reject(Rejection rejection) {
                    rejections.add(rejection);
                }
            });
        }
    }

    private static Instant min(int minutes) {
        return T0.plusSeconds(minutes * 60L);
    }

    @Test
    void walks_single_account_and_organization_layouts_and_skips_digests() {
        object(root, null, "111122223333", "us-east-1", min(5), List.of(record("a", min(1), "111122223333")));
        object(root, "o-a1b2c3d4e5", "444455556666", "eu-west-1", min(5), List.of(record("b", min(2), "444455556666")));
        CloudTrailTree.write(root.resolve("AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2026/11/02/111122223333_CloudTrail-Digest_us-east-1_x.json.gz"),
                CloudTrailTree.gzip("{\"digestStartTime\":\"2026-11-02T10:00:00Z\"}"));
        CloudTrailTree.write(root.resolve("AWSLogs/notes.txt"), "not data".getBytes(StandardCharsets.UTF_8));

        ReadStatistics stats = read(root);

        assertThat(events).extracting(Event::eventId).containsExactly("a", "b");
        assertThat(rejections).isEmpty();
        assertThat(stats.files()).isEqualTo(2);
        assertThat(stats.skipped()).isEqualTo(1);
    }

    @Test
    void merges_files_that_overlap_in_time_into_event_time_order() {
        // two accounts delivering every 5 minutes; each object's records are unsorted inside
        for (int slot = 0; slot < 6; slot++) {
            int m = slot * 5;
            object(root, null, "111122223333", "us-east-1", min(m + 5),
                    List.of(record("x" + (m + 3), min(m + 3), "111122223333"), record("x" + (m + 1), min(m + 1), "111122223333")));
            object(root, null, "444455556666", "us-east-1", min(m + 5),
                    List.of(record("y" + (m + 4), min(m + 4), "444455556666"), record("y" + (m + 2), min(m + 2), "444455556666")));
        }

        read(root);

        assertThat(events).hasSize(24);
        assertThat(events).isSortedAccordingTo((a, b) -> Long.compare(a.eventTimeMillis(), b.eventTimeMillis()));
    }

    @Test
    void interleaves_a_json_lines_file_with_delivery_objects_by_event_time() {
        object(root, null, "111122223333", "us-east-1", min(10), List.of(record("obj-1", min(1), "111122223333"), record("obj-9", min(9), "111122223333")));
        StringBuilder lines = new StringBuilder();
        for (int m = 0; m < 12; m += 2) {
            lines.append(record("line-" + m, min(m), "111122223333")).append('\n');
        }
        Path jsonl = CloudTrailTree.write(root.resolve("export.jsonl"), lines.toString().getBytes(StandardCharsets.UTF_8));

        read(root.resolve("AWSLogs"), jsonl);

        assertThat(events).extracting(Event::eventId)
                .containsExactly("line-0", "obj-1", "line-2", "line-4", "line-6", "line-8", "obj-9", "line-10");
    }

    @Test
    void reports_missing_paths_and_files_without_records_and_keeps_reading() {
        object(root, null, "111122223333", "us-east-1", min(5), List.of(record("a", min(1), "111122223333")));
        Path empty = CloudTrailTree.write(root.resolve("empty.json"), "{\"Records\":[]}".getBytes(StandardCharsets.UTF_8));

        ReadStatistics stats = read(root.resolve("AWSLogs"), empty, root.resolve("missing-dir"));

        assertThat(events).extracting(Event::eventId).containsExactly("a");
        assertThat(rejections).extracting(r -> r.source().substring(r.source().lastIndexOf('/') + 1) + ": " + r.reason())
                .containsExactlyInAnyOrder("missing-dir: no such file or directory", "empty.json: holds no CloudTrail records");
        assertThat(stats.rejected()).isEqualTo(2);
    }

    @Test
    void reads_large_json_lines_files_in_batches_without_losing_records() {
        StringBuilder lines = new StringBuilder();
        int n = JsonLinesStream.BATCH * 3 + 17;
        for (int i = 0; i < n; i++) {
            lines.append(record(String.format("e-%06d", i), T0.plusSeconds(i), "111122223333")).append('\n');
        }
        Path jsonl = CloudTrailTree.write(root.resolve("big.jsonl"), lines.toString().getBytes(StandardCharsets.UTF_8));

        ReadStatistics stats = read(jsonl);

        assertThat(stats.events()).isEqualTo(n);
        assertThat(events).extracting(Event::eventId).doesNotHaveDuplicates().hasSize(n);
        assertThat(events).isSortedAccordingTo((a, b) -> Long.compare(a.eventTimeMillis(), b.eventTimeMillis()));
    }
}
