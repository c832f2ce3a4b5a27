package dev.trailhound.ingest.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileHeadTest {
    private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

    @TempDir
    Path root;

    private static long earliest(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return FileHead.earliestEventTime(bytes, bytes.length);
    }

    @Test
    void takes_the_earliest_event_time_of_unsorted_records() {
        String records = "{\"Records\":[" + CloudTrailTree.record("b", T0.plusSeconds(120), "111122223333") + ","
                + CloudTrailTree.record("a", T0.plusSeconds(7), "111122223333") + ","
                + CloudTrailTree.record("c", T0.plusSeconds(300), "111122223333") + "]}";

        assertThat(earliest(records)).isEqualTo(T0.plusSeconds(7).toEpochMilli());
    }

    @Test
    void accepts_whitespace_around_the_colon_and_fractions_or_offsets_after_the_seconds() {
        assertThat(earliest("{ \"eventTime\" :\n \"2026-11-02T10:00:05.123Z\" }")).isEqualTo(T0.plusSeconds(5).toEpochMilli());
    }

    @Test
    void ignores_values_that_are_not_timestamps_and_gives_no_key_without_any() {
        assertThat(earliest("{\"eventTime\":\"yesterday\"},{\"eventTime\":42},{\"eventTime\":\"2026-13-45T99:00:00Z\"}"))
                .isEqualTo(Long.MIN_VALUE);
        assertThat(earliest("{\"eventTime\":\"soon\"},{\"eventTime\":\"2026-11-02T10:00:09Z\"}"))
                .isEqualTo(T0.plusSeconds(9).toEpochMilli());
        assertThat(earliest("{\"eventName\":\"ListBuckets\"}")).isEqualTo(Long.MIN_VALUE);
        assertThat(earliest("{\"eventTime\":\"2026-11-02T10:0")).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void reads_only_the_head_of_a_large_gzip_object() {
        List<String> records = new ArrayList<>();
        records.add(CloudTrailTree.record("first", T0.plusSeconds(60), "111122223333"));
        for (int i = 0; i < 2_000; i++) {
            records.add(CloudTrailTree.record("r" + i, T0.plusSeconds(120 + i), "111122223333"));
        }
        records.add(CloudTrailTree.record("last-but-earliest", T0, "111122223333"));
        Path file = CloudTrailTree.object(root, null, "111122223333", "us-east-1", T0.plusSeconds(3_000), records);

        assertThat(new FileHead().earliestEventTime(file)).isEqualTo(T0.plusSeconds(60).toEpochMilli());
    }

    @Test
    void reads_plain_json_and_cut_gzip_and_gives_no_key_for_unreadable_files() {
        Path plain = CloudTrailTree.write(root.resolve("plain.json"),
                ("{\"Records\":[" + CloudTrailTree.record("a", T0, "111122223333") + "]}").getBytes(StandardCharsets.UTF_8));
        byte[] gz = CloudTrailTree.gzip("{\"Records\":[" + CloudTrailTree.record("a", T0, "111122223333") + ","
                + CloudTrailTree.record("b", T0.plusSeconds(1), "111122223333") + "]}");
        Path cut = CloudTrailTree.write(root.resolve("cut.json.gz"), java.util.Arrays.copyOf(gz, gz.length - 30));

        assertThat(new FileHead().earliestEventTime(plain)).isEqualTo(T0.toEpochMilli());
        assertThat(new FileHead().earliestEventTime(cut)).isEqualTo(T0.toEpochMilli());
        assertThat(new FileHead().earliestEventTime(root.resolve("missing.json.gz"))).isEqualTo(Long.MIN_VALUE);
    }
}
