package dev.trailhound.ingest.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Writes CloudTrail delivery objects into an S3-layout tree for tests. */
final class CloudTrailTree {
    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

    private CloudTrailTree() {}

    static String record(String id, Instant time, String account) {
        return "{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":\"arn:aws:iam::" + account
                + ":user/alice\",\"accountId\":\"" + account + "\",\"userName\":\"alice\",\"accessKeyId\":\"AKIAEXAMPLE\"},"
                + "\"eventTime\":\"" + time + "\",\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"ListBuckets\","
                + "\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"198.51.100.4\",\"userAgent\":\"aws-cli/2.15.0\","
                + "\"eventID\":\"" + id + "\",\"eventType\":\"AwsApiCall\",\"recipientAccountId\":\"" + account + "\"}";
    }

    /** Writes {@code AWSLogs/[org/]<account>/CloudTrail/<region>/YYYY/MM/DD/<name>.json.gz} delivered at {@code delivery}. */
    static Path object(Path root, String org, String account, String region, Instant delivery, List<String> records) {
        Path dir = root.resolve("AWSLogs");
        if (org != null) {
            dir = dir.resolve(org);
        }
        dir = dir.resolve(account).resolve("CloudTrail").resolve(region).resolve(DAY.format(delivery));
        String name = account + "_CloudTrail_" + region + "_" + NAME_TIME.format(delivery) + "_" + Integer.toHexString(records.hashCode()) + ".json.gz";
        return write(dir.resolve(name), gzip("{\"Records\":[" + String.join(",", records) + "]}"));
    }

    static Path write(Path file, byte[] content) {
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gzip(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
