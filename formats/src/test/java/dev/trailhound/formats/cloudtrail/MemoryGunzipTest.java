package dev.trailhound.formats.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;

class MemoryGunzipTest {
    private final MemoryGunzip gunzip = new MemoryGunzip();

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private String inflate(byte[] gz) throws IOException {
        return readAll(gunzip.open(gz, gz.length));
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[7]; // small reads cross every boundary
        int n;
        while ((n = in.read(buf, 0, buf.length)) >= 0) {
            out.write(buf, 0, n);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String jdk(byte[] gz) throws IOException {
        return readAll(new GZIPInputStream(new ByteArrayInputStream(gz)));
    }

    @Test
    void inflates_what_the_jdk_inflates_including_concatenated_members_and_trailing_garbage() throws IOException {
        String big = "{\"Records\":[" + "{\"eventName\":\"GetObject\"},".repeat(5_000) + "{}]}";
        byte[][] cases = {gzip("{\"Records\":[]}"), gzip(big), gzip(""), concat(gzip("one "), gzip("two "), gzip("three")),
                concat(gzip("data"), "not gzip".getBytes(StandardCharsets.US_ASCII)), concat(gzip("data"), new byte[] {0x1f, (byte) 0x8b, 1})};
        for (byte[] gz : cases) {
            assertThat(inflate(gz)).isEqualTo(jdk(gz));
        }
    }

    @Test
    void reads_optional_header_fields() throws IOException {
        byte[] plain = gzip("{\"Records\":[]}");
        // the same member with FEXTRA (3 bytes), FNAME and FCOMMENT, as other gzip writers produce
        byte[] header = Arrays.copyOf(plain, 10);
        header[3] = 4 | 8 | 16;
        byte[] withFields = concat(header, new byte[] {3, 0, 'x', 'y', 'z'}, "name.json\0".getBytes(StandardCharsets.US_ASCII),
                "a comment\0".getBytes(StandardCharsets.US_ASCII), Arrays.copyOfRange(plain, 10, plain.length));

        assertThat(inflate(withFields)).isEqualTo("{\"Records\":[]}").isEqualTo(jdk(withFields));
    }

    @Test
    void is_reused_from_one_input_to_the_next() throws IOException {
        assertThat(inflate(gzip("first"))).isEqualTo("first");
        assertThat(inflate(gzip("second, longer"))).isEqualTo("second, longer");
    }

    @Test
    void fails_as_the_jdk_does_on_truncated_or_corrupt_data() throws IOException {
        byte[] gz = gzip("{\"Records\":[" + "{\"eventName\":\"GetObject\",\"n\":12345},".repeat(2_000) + "{}]}");
        byte[] cut = Arrays.copyOf(gz, gz.length / 2);
        byte[] noTrailer = Arrays.copyOf(gz, gz.length - 4);
        byte[] badCrc = gz.clone();
        badCrc[gz.length - 8] ^= 1;
        byte[] badData = gz.clone();
        badData[12] = (byte) 0xff;

        assertThatThrownBy(() -> inflate(cut)).isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> inflate(noTrailer)).isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> inflate(badCrc)).isInstanceOf(ZipException.class).hasMessage("Corrupt GZIP trailer");
        assertThatThrownBy(() -> inflate(badData)).isInstanceOf(ZipException.class);
        assertThatThrownBy(() -> inflate("{}".getBytes(StandardCharsets.US_ASCII))).isInstanceOf(ZipException.class)
                .hasMessage("Not in GZIP format");
        assertThatThrownBy(() -> inflate(Arrays.copyOf(gz, 6))).isInstanceOf(EOFException.class);
        assertThat(inflate(gzip("still usable"))).isEqualTo("still usable");
    }
}
