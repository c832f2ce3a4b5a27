package dev.trailhound.ingest.files;

import static dev.trailhound.ingest.files.CloudTrailTree.object;
import static dev.trailhound.ingest.files.CloudTrailTree.record;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trailhound.core.event.Event;
import dev.trailhound.core.event.Rejection;
import dev.trailhound.formats.cloudtrail.ReadLimits;
import dev.trailhound.formats.cloudtrail.RecordSink;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryPollerTest {
    private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");
    private static final long NOW = T0.plusSeconds(86_400).toEpochMilli();

    @TempDir
    Path root;

    /** The checkpoint, as the service's ledger keeps it. */
    private final Map<String, FileStamp> ledger = new HashMap<>();
    private final List<String> ids = new ArrayList<>();
    private final List<Rejection> rejections = new ArrayList<>();

    private DirectoryPoller poller(int maxFilesPerPoll) {
        return new DirectoryPoller(List.of(root), ReadLimits.defaults(), stamp -> stamp.equals(ledger.get(stamp.path())),
                stamps -> stamps.forEach(s -> ledger.put(s.path(), s)), 1_000, maxFilesPerPoll);
    }

    private DirectoryPoller.Poll poll(DirectoryPoller poller, long now) {
        return poller.poll(new RecordSink() {
            @Override
            public void accept(Event event) {
                ids.add(event.eventId());
            }

            @Override
            public void reject(Rejection rejection) {
                rejections.add(rejection);
            }
        }, now);
    }

    private static void age(Path file) throws Exception {
        Files.setLastModifiedTime(file, FileTime.fromMillis(NOW - 60_000));
    }

    @Test
    void reads_each_new_file_once_across_polls_of_an_organization_trail() throws Exception {
        age(object(root, "o-abc123def4", "111122223333", "us-east-1", T0.plusSeconds(300), List.of(record("a", T0, "111122223333"))));
        age(object(root, null, "444455556666", "eu-west-1", T0.plusSeconds(300), List.of(record("b", T0.plusSeconds(1), "444455556666"))));
        DirectoryPoller poller = poller(100);

        DirectoryPoller.Poll first = poll(poller, NOW);
        assertThat(first.files()).isEqualTo(2);
        assertThat(first.events()).isEqualTo(2);
        assertThat(ids).containsExactly("a", "b");

        assertThat(poll(poller, NOW).files()).isZero();
        age(object(root, "o-abc123def4", "111122223333", "us-east-1", T0.plusSeconds(600), List.of(record("c", T0.plusSeconds(400), "111122223333"))));
        assertThat(poll(poller, NOW).files()).isEqualTo(1);
        assertThat(ids).containsExactly("a", "b", "c");
    }

    @Test
    void a_backlog_larger_than_one_poll_is_taken_earliest_first() throws Exception {
        // written latest first, and under account directories that list in the opposite order of time
        for (int i = 5; i >= 0; i--) {
            String account = i % 2 == 0 ? "999999999999" : "111111111111";
            age(object(root, null, account, "us-east-1", T0.plusSeconds(3_600L * i + 300),
                    List.of(record("e" + i, T0.plusSeconds(3_600L * i), account))));
        }
        DirectoryPoller poller = poller(2);
        List<Integer> perPoll = new ArrayList<>();
        DirectoryPoller.Poll poll;
        while ((poll = poll(poller, NOW)).files() > 0) {
            perPoll.add(poll.files());
        }
        assertThat(perPoll).containsExactly(2, 2, 2);
        assertThat(ids).containsExactly("e0", "e1", "e2", "e3", "e4", "e5");
    }

    @Test
    void a_file_still_being_written_waits_and_a_changed_file_is_read_again() throws Exception {
        Path file = object(root, null, "111122223333", "us-east-1", T0.plusSeconds(300), List.of(record("a", T0, "111122223333")));
        Files.setLastModifiedTime(file, FileTime.fromMillis(NOW - 200));
        DirectoryPoller poller = poller(100);
        assertThat(poll(poller, NOW).files()).as("modified 200 ms ago: may still be written").isZero();
        assertThat(poll(poller, NOW + 1_000).files()).isEqualTo(1);

        Files.write(file, CloudTrailTree.gzip("{\"Records\":[" + record("a", T0, "111122223333") + ","
                + record("a2", T0.plusSeconds(1), "111122223333") + "]}"));
        age(file);
        assertThat(poll(poller, NOW + 2_000).files()).isEqualTo(1);
        assertThat(ids).as("the whole file again: the events store drops the repeat by eventID").containsExactly("a", "a", "a2");
    }

    @Test
    void a_file_that_is_not_cloudtrail_is_rejected_by_name_and_still_checkpointed() throws Exception {
        age(CloudTrailTree.write(root.resolve("AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/02/broken.json"),
                "{\"Records\":[{\"eventVersion\":".getBytes(StandardCharsets.UTF_8)));
        age(object(root, null, "111122223333", "us-east-1", T0.plusSeconds(300), List.of(record("a", T0, "111122223333"))));
        DirectoryPoller poller = poller(100);
        DirectoryPoller.Poll poll = poll(poller, NOW);
        assertThat(poll.files()).isEqualTo(2);
        assertThat(ids).containsExactly("a");
        assertThat(poll.rejected()).isPositive();
        assertThat(poll.firstRejections().get(0).toString()).contains("broken.json");
        assertThat(poll(poller, NOW).files()).as("not read again until it changes").isZero();
    }
}
