package dev.trailhound.formats.cloudtrail;

import static dev.trailhound.formats.cloudtrail.SampleRecords.deliveryObject;
import static dev.trailhound.formats.cloudtrail.SampleRecords.envelope;
import static dev.trailhound.formats.cloudtrail.SampleRecords.gzip;
import static dev.trailhound.formats.cloudtrail.SampleRecords.jsonLines;
import static dev.trailhound.formats.cloudtrail.SampleRecords.record;
import static dev.trailhound.formats.cloudtrail.SampleRecords.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trailhound.core.event.Event;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloudTrailFileReaderTest {
    @TempDir
    Path dir;

    private final CloudTrailFileReader reader = new CloudTrailFileReader(ReadLimits.defaults());

    private CollectingSink read(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        CollectingSink sink = new CollectingSink();
        reader.read(file, sink);
        return sink;
    }

    private static List<ObjectNode> three() {
        return List.of(record("e-1", "2026-11-02T10:00:00Z", "iam.amazonaws.com", "CreateUser"),
                record("e-2", "2026-11-02T10:00:05Z", "iam.amazonaws.com", "CreateAccessKey"),
                record("e-3", "2026-11-02T10:00:09Z", "s3.amazonaws.com", "ListBuckets"));
    }

    @Test
    void reads_a_gzipped_s3_delivery_object_into_normalised_events() throws IOException {
        CollectingSink sink = read("111122223333_CloudTrail_us-east-1_20261102T1005Z_abc.json.gz", gzip(utf8(deliveryObject(three()))));

        assertThat(sink.rejections).isEmpty();
        assertThat(sink.ids()).containsExactly("e-1", "e-2", "e-3");
        Event e = sink.events.get(1);
        assertThat(e.eventTime()).hasToString("2026-11-02T10:00:05Z");
        assertThat(e.qualifiedAction()).isEqualTo("iam:CreateAccessKey");
        assertThat(e.accountId()).isEqualTo("111122223333");
        assertThat(e.region()).isEqualTo("us-east-1");
        assertThat(e.sourceIp()).isEqualTo("203.0.113.10");
        assertThat(e.readOnly()).isFalse();
        assertThat(e.eventType()).isEqualTo("AwsApiCall");
        assertThat(e.principal().identityType()).isEqualTo("AssumedRole");
        assertThat(e.principal().userName()).isEqualTo("alice@example.com");
        assertThat(e.principal().accessKeyId()).isEqualTo("ASIAEXAMPLEKEY000001");
        assertThat(e.principal().mfaAuthenticated()).isFalse();
        assertThat(e.principal().sessionIssuerName()).isEqualTo("AWSReservedSSO_Admin_0123456789abcdef");
        assertThat(e.principal().sessionCreationTime()).hasToString("2026-11-02T09:00:00Z");
        assertThat(e.json().path("requestParameters").path("userName").asText()).isEqualTo("backup");
    }

    @Test
    void keeps_each_records_original_json_text() throws IOException {
        ObjectNode r = record("e-1", "2026-11-02T10:00:00Z", "iam.amazonaws.com", "CreateUser");
        CollectingSink sink = read("one.json", utf8(deliveryObject(List.of(r))));

        assertThat(sink.events.get(0).jsonText()).isEqualTo(r.toString());
    }

    @Test
    void reads_json_lines_plain_and_gzipped() throws IOException {
        assertThat(read("a.jsonl", utf8(jsonLines(three()))).ids()).containsExactly("e-1", "e-2", "e-3");
        assertThat(read("a.jsonl.gz", gzip(utf8(jsonLines(three())))).ids()).containsExactly("e-1", "e-2", "e-3");
    }

    @Test
    void unwraps_eventbridge_envelopes_of_the_three_cloudtrail_detail_types() throws IOException {
        List<ObjectNode> envelopes = List.of(
                envelope("AWS API Call via CloudTrail", record("e-1", "2026-11-02T10:00:00Z", "iam.amazonaws.com", "CreateUser")),
                envelope("AWS Console Sign In via CloudTrail", record("e-2", "2026-11-02T10:00:01Z", "signin.amazonaws.com", "ConsoleLogin")),
                envelope("AWS Service Event via CloudTrail", record("e-3", "2026-11-02T10:00:02Z", "kms.amazonaws.com", "RotateKey")));
        CollectingSink lines = read("eb.jsonl", utf8(jsonLines(envelopes)));
        CollectingSink array = read("eb.json", utf8(SampleRecords.JSON.createArrayNode().addAll(envelopes).toString()));

        assertThat(lines.ids()).containsExactly("e-1", "e-2", "e-3");
        assertThat(array.ids()).containsExactly("e-1", "e-2", "e-3");
        assertThat(lines.events.get(0).jsonText()).isEqualTo(envelopes.get(0).get("detail").toString());
    }

    @Test
    void rejects_an_eventbridge_event_that_is_not_from_cloudtrail() throws IOException {
        ObjectNode other = envelope("EC2 Instance State-change Notification", record("e-9", "2026-11-02T10:00:00Z", "ec2.amazonaws.com", "x"));
        CollectingSink sink = read("eb.jsonl", utf8(jsonLines(List.of(other))));

        assertThat(sink.events).isEmpty();
        assertThat(sink.rejections).singleElement().satisfies(r -> {
            assertThat(r.position()).isEqualTo("line 1");
            assertThat(r.reason()).contains("EC2 Instance State-change Notification").contains("not a CloudTrail event");
        });
    }

    @Test
    void a_truncated_gzip_keeps_the_records_before_the_cut() throws IOException {
        List<ObjectNode> many = new java.util.ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            many.add(record("e-" + i, "2026-11-02T10:00:00Z", "s3.amazonaws.com", "GetObject"));
        }
        byte[] whole = gzip(utf8(deliveryObject(many)));
        CollectingSink sink = read("cut.json.gz", Arrays.copyOf(whole, whole.length / 2));

        assertThat(sink.events).hasSizeGreaterThan(100).hasSizeLessThan(2000);
        assertThat(sink.ids()).startsWith("e-0", "e-1", "e-2");
        assertThat(sink.rejections).anySatisfy(r -> assertThat(r.reason()).contains("truncated"));
        assertThat(sink.rejections).allSatisfy(r -> assertThat(r.source()).endsWith("cut.json.gz"));
    }

    @Test
    void invalid_json_inside_one_record_loses_only_that_record() throws IOException {
        String doc = deliveryObject(three()).replace("\"eventName\":\"CreateAccessKey\"", "\"eventName\":CreateAccessKey");
        CollectingSink sink = read("bad.json", utf8(doc));

        assertThat(sink.ids()).containsExactly("e-1", "e-3");
        assertThat(sink.rejections).singleElement().satisfies(r -> {
            assertThat(r.position()).startsWith("record 1 (byte ");
            assertThat(r.reason()).startsWith("invalid JSON");
        });
    }

    @Test
    void garbage_between_records_is_skipped_and_reading_goes_on() throws IOException {
        String doc = deliveryObject(three()).replaceFirst("\\},\\{", "} oops, {");
        CollectingSink sink = read("garbage.json", utf8(doc));

        assertThat(sink.ids()).containsExactly("e-1", "e-2", "e-3");
        assertThat(sink.rejections).hasSize(1);
    }

    @Test
    void a_bad_json_line_does_not_affect_the_next_line() throws IOException {
        String text = jsonLines(three()).replaceFirst("\n", "\n{\"eventID\": \"broken\n");
        CollectingSink sink = read("lines.jsonl", utf8(text));

        assertThat(sink.ids()).containsExactly("e-1", "e-2", "e-3");
        assertThat(sink.rejections).singleElement().satisfies(r -> assertThat(r.position()).isEqualTo("line 2"));
    }

    @Test
    void records_without_event_time_or_name_are_rejected_with_the_missing_field() throws IOException {
        ObjectNode noTime = record("e-1", "2026-11-02T10:00:00Z", "iam.amazonaws.com", "CreateUser");
        noTime.remove("eventTime");
        ObjectNode noName = record("e-2", "2026-11-02T10:00:00Z", "iam.amazonaws.com", "CreateUser");
        noName.remove("eventName");
        CollectingSink sink = read("missing.jsonl", utf8(jsonLines(List.of(noTime, noName, three().get(2)))));

        assertThat(sink.ids()).containsExactly("e-3");
        assertThat(sink.rejections).extracting(r -> r.position() + ": " + r.reason())
                .containsExactly("line 1: record without eventTime", "line 2: record without eventName");
    }

    @Test
    void wrong_field_types_are_rejected_naming_the_field() throws IOException {
        ObjectNode numericTime = record("e-1", "2026-11-02T10:00:00Z", "iam.amazonaws.com", "CreateUser");
        numericTime.put("eventTime", 1730541600);
        ObjectNode badIdentity = record("e-2", "2026-11-02T10:00:00Z", "iam.amazonaws.com", "CreateUser");
        badIdentity.put("userIdentity", "alice");
        ObjectNode badTime = record("e-3", "2026-11-02T10:00:00Z", "iam.amazonaws.com", "CreateUser");
        badTime.put("eventTime", "yesterday");
        CollectingSink sink = read("types.jsonl", utf8(jsonLines(List.of(numericTime, badIdentity, badTime))));

        assertThat(sink.events).isEmpty();
        assertThat(sink.rejections).extracting(r -> r.reason()).containsExactly(
                "field eventTime: expected a string, found a number",
                "field userIdentity: expected an object, found a string",
                "field eventTime: \"yesterday\" is not an ISO-8601 timestamp");
    }

    @Test
    void exported_times_without_a_zone_are_utc_and_logstash_timestamps_stand_in_for_a_missing_event_time() throws IOException {
        ObjectNode spaced = record("e-1", "2024-11-25 17:51:21.000000000", "iam.amazonaws.com", "CreateUser");
        ObjectNode seconds = record("e-2", "2022-09-15 13:45:24Z", "iam.amazonaws.com", "CreateUser");
        ObjectNode shipped = record("e-3", "2026-11-02T10:00:00Z", "iam.amazonaws.com", "CreateUser");
        shipped.remove("eventTime");
        shipped.put("@timestamp", "2020-09-14T00:44:23.000Z");
        ObjectNode both = record("e-4", "2026-11-02T10:00:00Z", "iam.amazonaws.com", "CreateUser");
        both.put("@timestamp", "2020-09-14T00:44:23.000Z");
        CollectingSink sink = read("exports.jsonl", utf8(jsonLines(List.of(spaced, seconds, shipped, both))));

        assertThat(sink.rejections).isEmpty();
        assertThat(sink.events).extracting(e -> e.eventTime().toString()).containsExactly(
                "2024-11-25T17:51:21Z", "2022-09-15T13:45:24Z", "2020-09-14T00:44:23Z", "2026-11-02T10:00:00Z");
    }

    @Test
    void oversized_records_are_rejected_and_their_neighbours_kept() throws IOException {
        CloudTrailFileReader small = new CloudTrailFileReader(new ReadLimits(4096, 1 << 20, 1 << 30));
        ObjectNode big = record("big", "2026-11-02T10:00:00Z", "iam.amazonaws.com", "CreateUser");
        ((ObjectNode) big.get("requestParameters")).put("policyDocument", "x".repeat(10_000));
        List<ObjectNode> records = List.of(three().get(0), big, three().get(2));
        for (String name : List.of("big.json", "big.jsonl")) {
            Path file = dir.resolve(name);
            Files.write(file, utf8(name.endsWith("l") ? jsonLines(records) : deliveryObject(records)));
            CollectingSink sink = new CollectingSink();
            small.read(file, sink);

            assertThat(sink.ids()).as(name).containsExactly("e-1", "e-3");
            assertThat(sink.rejections).as(name).singleElement().satisfies(r -> assertThat(r.reason()).contains("limit of 4096 bytes"));
        }
    }

    @Test
    void a_decompression_bomb_is_stopped_at_the_configured_size() throws IOException {
        byte[] zeros = new byte[50 << 20];
        CloudTrailFileReader capped = new CloudTrailFileReader(new ReadLimits(1 << 20, 256 << 20, 8 << 20));
        Path file = dir.resolve("bomb.json.gz");
        Files.write(file, gzip(zeros));
        CollectingSink sink = new CollectingSink();
        capped.read(file, sink);

        assertThat(sink.events).isEmpty();
        assertThat(sink.rejections).anySatisfy(r -> assertThat(r.reason()).contains("decompressed size exceeds the limit of 8388608 bytes"));
    }

    @Test
    void json_that_is_not_cloudtrail_is_rejected_not_ignored() throws IOException {
        CollectingSink sink = read("config.json", utf8("{\"name\": \"not a trail\", \"values\": [1, 2]}"));

        assertThat(sink.events).isEmpty();
        assertThat(sink.rejections).singleElement().satisfies(r -> assertThat(r.reason()).startsWith("not a CloudTrail record"));
    }

    @Test
    void an_unreadable_file_is_reported_as_such() {
        CollectingSink sink = new CollectingSink();
        reader.read(dir.resolve("absent.json.gz"), sink);

        assertThat(sink.rejections).singleElement().satisfies(r -> {
            assertThat(r.position()).isEqualTo("file");
            assertThat(r.reason()).isEqualTo("unreadable: no such file");
        });
    }

    @Test
    void records_without_an_event_id_get_a_content_derived_one() throws IOException {
        ObjectNode r = record("x", "2026-11-02T10:00:00Z", "iam.amazonaws.com", "CreateUser");
        r.remove("eventID");
        CollectingSink sink = read("noid.jsonl", utf8(jsonLines(List.of(r, r))));

        assertThat(sink.events).hasSize(2);
        assertThat(sink.events.get(0).eventId()).startsWith("content-").isEqualTo(sink.events.get(1).eventId());
    }

    @Test
    void console_sign_in_records_carry_the_mfa_answer() throws IOException {
        ObjectNode login = record("e-1", "2026-11-02T10:00:00Z", "signin.amazonaws.com", "ConsoleLogin");
        ObjectNode id = login.putObject("userIdentity");
        id.put("type", "IAMUser");
        id.put("arn", "arn:aws:iam::111122223333:user/bob");
        id.put("userName", "bob");
        login.putObject("additionalEventData").put("MFAUsed", "No");
        login.put("eventType", "AwsConsoleSignIn");
        CollectingSink sink = read("login.jsonl", utf8(jsonLines(List.of(login))));

        assertThat(sink.events.get(0).principal().mfaAuthenticated()).isFalse();
        assertThat(sink.events.get(0).principal().userName()).isEqualTo("bob");
    }
}
