package dev.trailhound.ingest.files;

import static dev.trailhound.ingest.files.CloudTrailTree.object;
import static dev.trailhound.ingest.files.CloudTrailTree.record;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputPlannerTest {
    private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");
    private static final String ACCOUNT = "111122223333";

    @TempDir
    Path root;

    private static Instant min(int minutes) {
        return T0.plusSeconds(minutes * 60L);
    }

    /** A log file whose head holds later records than its last one, as when CloudTrail delivers a record late. */
    private Path objectWithALateRecordAtTheEnd(Instant delivery, Instant late) {
        List<String> records = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            records.add(record("r" + i, delivery.minusSeconds(120), ACCOUNT));
        }
        records.add(record("late", late, ACCOUNT));
        return object(root, null, ACCOUNT, "us-east-1", delivery, records);
    }

    private Path digest(String name, String json) {
        return CloudTrailTree.write(root.resolve("AWSLogs/" + ACCOUNT + "/CloudTrail-Digest/us-east-1/2026/11/02/" + name),
                CloudTrailTree.gzip(json));
    }

    private static String digestListing(Path logFile, Instant oldest) {
        return "{\"awsAccountId\":\"" + ACCOUNT + "\",\"logFiles\":[{\"s3Bucket\":\"trail-bucket\",\"s3Object\":\"AWSLogs/"
                + ACCOUNT + "/CloudTrail/us-east-1/2026/11/02/" + logFile.getFileName() + "\",\"hashValue\":\"00\","
                + "\"hashAlgorithm\":\"SHA-256\",\"newestEventTime\":\"" + min(30) + "\",\"oldestEventTime\":\"" + oldest + "\"}]}";
    }

    @Test
    void keys_a_log_file_by_the_oldest_event_time_its_digest_states() {
        Path log = objectWithALateRecordAtTheEnd(min(30), min(1));
        digest(ACCOUNT + "_CloudTrail-Digest_us-east-1_trail_us-east-1_20261102T110000Z.json.gz", digestListing(log, min(1)));

        InputPlan plan = new InputPlanner().plan(List.of(root));

        assertThat(plan.files()).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo(log);
            assertThat(f.key()).isEqualTo(min(1).toEpochMilli());
        });
        assertThat(plan.skipped()).isZero();
        assertThat(plan.problems()).isEmpty();
    }

    @Test
    void keys_a_log_file_no_digest_lists_by_its_head() {
        Path log = objectWithALateRecordAtTheEnd(min(30), min(1));
        Path other = objectWithALateRecordAtTheEnd(min(35), min(2));
        digest(ACCOUNT + "_CloudTrail-Digest_us-east-1_trail_us-east-1_20261102T110000Z.json.gz", digestListing(other, min(2)));

        InputPlan plan = new InputPlanner().plan(List.of(root));

        assertThat(plan.files()).extracting(InputFile::path, InputFile::key)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(other, min(2).toEpochMilli()),
                        org.assertj.core.groups.Tuple.tuple(log, min(28).toEpochMilli()));
    }

    @Test
    void ignores_digests_it_cannot_read() {
        Path log = objectWithALateRecordAtTheEnd(min(30), min(1));
        digest(ACCOUNT + "_CloudTrail-Digest_us-east-1_trail_us-east-1_20261102T100000Z.json.gz", "{\"logFiles\":[{\"s3Object\":");
        digest(ACCOUNT + "_CloudTrail-Digest_us-east-1_trail_us-east-1_20261102T110000Z.json.gz",
                digestListing(log, min(1)).replace(min(1).toString(), "yesterday"));
        CloudTrailTree.write(root.resolve("AWSLogs/" + ACCOUNT + "/CloudTrail-Digest/us-east-1/2026/11/02/"
                + ACCOUNT + "_CloudTrail-Digest_us-east-1_trail_us-east-1_20261102T120000Z.json.gz"), "not gzip".getBytes(StandardCharsets.UTF_8));

        InputPlan plan = new InputPlanner().plan(List.of(root));

        assertThat(plan.files()).extracting(InputFile::key).containsExactly(min(28).toEpochMilli());
        assertThat(plan.problems()).isEmpty();
        assertThat(plan.skipped()).isZero();
    }

    @Test
    void data_file_listing_for_the_parse_limit_leaves_digests_out() {
        Path log = objectWithALateRecordAtTheEnd(min(30), min(1));
        digest(ACCOUNT + "_CloudTrail-Digest_us-east-1_trail_us-east-1_20261102T110000Z.json.gz", digestListing(log, min(1)));

        assertThat(new InputPlanner().dataFiles(List.of(root))).containsExactly(log);
    }
}
