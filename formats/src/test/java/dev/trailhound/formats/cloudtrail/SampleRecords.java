package dev.trailhound.formats.cloudtrail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Realistic CloudTrail records written for these tests (TEST-NET addresses, example account ids). */
final class SampleRecords {
    static final ObjectMapper JSON = new ObjectMapper();

    private SampleRecords() {}

    static ObjectNode record(String eventId, String time, String source, String name) {
        ObjectNode r = JSON.createObjectNode();
        r.put("eventVersion", "1.09");
        ObjectNode id = r.putObject("userIdentity");
        id.put("type", "AssumedRole");
        id.put("principalId", "AROAEXAMPLEID:alice@example.com");
        id.put("arn", "arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_Admin_0123456789abcdef/alice@example.com");
        id.put("accountId", "111122223333");
        id.put("accessKeyId", "ASIAEXAMPLEKEY000001");
        ObjectNode ctx = id.putObject("sessionContext");
        ObjectNode issuer = ctx.putObject("sessionIssuer");
        issuer.put("type", "Role");
        issuer.put("arn", "arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123456789abcdef");
        issuer.put("userName", "AWSReservedSSO_Admin_0123456789abcdef");
        ObjectNode attrs = ctx.putObject("attributes");
        attrs.put("creationDate", "2026-11-02T09:00:00Z");
        attrs.put("mfaAuthenticated", "false");
        r.put("eventTime", time);
        r.put("eventSource", source);
        r.put("eventName", name);
        r.put("awsRegion", "us-east-1");
        r.put("sourceIPAddress", "203.0.113.10");
        r.put("userAgent", "aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64");
        r.putObject("requestParameters").put("userName", "backup");
        r.putNull("responseElements");
        r.put("requestID", "req-" + eventId);
        r.put("eventID", eventId);
        r.put("readOnly", false);
        r.put("eventType", "AwsApiCall");
        r.put("managementEvent", true);
        r.put("recipientAccountId", "111122223333");
        r.put("eventCategory", "Management");
        return r;
    }

    static String deliveryObject(List<ObjectNode> records) {
        ObjectNode root = JSON.createObjectNode();
        root.putArray("Records").addAll(records);
        return root.toString();
    }

    static String jsonLines(List<ObjectNode> records) {
        StringBuilder sb = new StringBuilder();
        records.forEach(r -> sb.append(r).append('\n'));
        return sb.toString();
    }

    static ObjectNode envelope(String detailType, ObjectNode detail) {
        ObjectNode e = JSON.createObjectNode();
        e.put("version", "0");
        e.put("id", "6f87d04b-9f74-4f04-a780-7acf4b0a9b38");
        e.put("detail-type", detailType);
        e.put("source", "aws." + detail.path("eventSource").asText().replace(".amazonaws.com", ""));
        e.put("account", "111122223333");
        e.put("time", detail.path("eventTime").asText());
        e.put("region", "us-east-1");
        e.putArray("resources");
        e.set("detail", detail);
        return e;
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
