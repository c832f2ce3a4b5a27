package dev.trailhound.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Writes one stream's delivery files ({@code {"Records":[...]}}, gzip) and, every hour, a digest file listing
 * them with their SHA-256 and event time range, as CloudTrail's log file validation does (unless digests are
 * off). Digests are not log data: readers do not read them as records.
 */
final class TrailFiles {
    private static final byte[] OPEN = "{\"Records\":[".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CLOSE = "]}".getBytes(StandardCharsets.US_ASCII);

    private final TrailLayout layout;
    private final String account;
    private final String region;
    private final SplittableRandom rng;
    private final boolean digests;
    private final Set<Path> directories = new HashSet<>();
    private final List<DigestEntry> hour = new ArrayList<>();
    private long digestHour = Long.MIN_VALUE;
    private long count;

    TrailFiles(TrailLayout layout, String account, String region, SplittableRandom rng, boolean digests) {
        this.digests = digests;
        this.layout = layout;
        this.account = account;
        this.region = region;
        this.rng = rng;
    }

    long count() {
        return count;
    }

    void write(long deliveredAt, List<DeliveredRecord> records) throws IOException {
        long thisHour = Math.floorDiv(deliveredAt, 3600);
        if (digestHour != Long.MIN_VALUE && thisHour > digestHour && !hour.isEmpty()) {
            writeDigest();
        }
        digestHour = Math.max(digestHour, thisHour); // a straggler file of an earlier hour joins the current digest
        Path directory = layout.logDirectory(account, region, deliveredAt);
        Path file = directory.resolve(layout.logFileName(account, region, deliveredAt, IdMint.alnum(16, rng)));
        byte[] gz = gzip(records);
        ensure(directory);
        Files.write(file, gz);
        count++;
        long oldest = Long.MAX_VALUE;
        long newest = Long.MIN_VALUE;
        for (DeliveredRecord r : records) {
            oldest = Math.min(oldest, r.eventTime());
            newest = Math.max(newest, r.eventTime());
        }
        if (digests) {
            hour.add(new DigestEntry(layout.keyOf(file), sha256(gz), oldest, newest));
        }
    }

    void finish() throws IOException {
        if (!hour.isEmpty()) {
            writeDigest();
        }
    }

    private static byte[] gzip(List<DeliveredRecord> records) throws IOException {
        int size = OPEN.length + CLOSE.length;
        for (DeliveredRecord r : records) {
            size += r.json().length + 1;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(size / 6 + 64);
        try (OutputStream gz = new GZIPOutputStream(bytes, 1 << 16) {
            {
                def.setLevel(Deflater.DEFAULT_COMPRESSION);
            }
        }) {
            gz.write(OPEN);
            for (int i = 0; i < records.size(); i++) {
                if (i > 0) {
                    gz.write(',');
                }
                gz.write(records.get(i).json());
            }
            gz.write(CLOSE);
        }
        return bytes.toByteArray();
    }

    private void writeDigest() throws IOException {
        long end = (digestHour + 1) * 3600;
        Path directory = layout.digestDirectory(account, region, end);
        Path file = directory.resolve(layout.digestFileName(account, region, end));
        JsonBytes json = new JsonBytes(4096);
        long oldest = Long.MAX_VALUE;
        long newest = Long.MIN_VALUE;
        for (DigestEntry e : hour) {
            oldest = Math.min(oldest, e.oldest());
            newest = Math.max(newest, e.newest());
        }
        json.beginObject().field("awsAccountId", account)
                .field("digestStartTime", TimeFormat.iso(end - 3600)).field("digestEndTime", TimeFormat.iso(end))
                .field("digestS3Object", layout.keyOf(file))
                .field("newestEventTime", TimeFormat.iso(newest)).field("oldestEventTime", TimeFormat.iso(oldest))
                .field("digestPublicKeyFingerprint", IdMint.hex(32, rng)).field("digestSignatureAlgorithm", "SHA256withRSA");
        json.name("logFiles").beginArray();
        for (DigestEntry e : hour) {
            json.beginObject().field("s3Object", e.key()).field("hashValue", e.sha256())
                    .field("hashAlgorithm", "SHA-256").field("newestEventTime", TimeFormat.iso(e.newest()))
                    .field("oldestEventTime", TimeFormat.iso(e.oldest())).endObject();
        }
        json.endArray().endObject();
        ensure(directory);
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(file))) {
            json.writeTo(gz);
        }
        hour.clear();
    }

    private void ensure(Path directory) throws IOException {
        if (directories.add(directory)) {
            Files.createDirectories(directory);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private record DigestEntry(String key, String sha256, long oldest, long newest) {
    }
}
