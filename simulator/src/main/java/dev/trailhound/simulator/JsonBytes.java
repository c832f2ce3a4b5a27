package dev.trailhound.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A reusable, growable UTF-8 buffer with just enough JSON writing for CloudTrail records. Hand-written because
 * records are written by the million: no per-field objects, ASCII fast paths, commas tracked per nesting level.
 */
final class JsonBytes {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private byte[] buf;
    private int len;
    private final boolean[] needComma = new boolean[32];
    private int depth;

    JsonBytes(int capacity) {
        buf = new byte[capacity];
    }

    void reset() {
        len = 0;
        depth = 0;
        needComma[0] = false;
    }

    int length() {
        return len;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(buf, 0, len);
    }

    JsonBytes beginObject() {
        separate();
        put((byte) '{');
        push();
        return this;
    }

    JsonBytes endObject() {
        put((byte) '}');
        depth--;
        return this;
    }

    JsonBytes beginArray() {
        separate();
        put((byte) '[');
        push();
        return this;
    }

    JsonBytes endArray() {
        put((byte) ']');
        depth--;
        return this;
    }

    /** Writes {@code "name":} and leaves the buffer expecting that field's value. */
    JsonBytes name(String name) {
        separate();
        quoted(name);
        put((byte) ':');
        needComma[depth] = false;
        return this;
    }

    JsonBytes string(String value) {
        separate();
        if (value == null) {
            ascii("null");
        } else {
            quoted(value);
        }
        return this;
    }

    JsonBytes number(long value) {
        separate();
        ascii(Long.toString(value));
        return this;
    }

    JsonBytes bool(boolean value) {
        separate();
        ascii(value ? "true" : "false");
        return this;
    }

    JsonBytes nullValue() {
        separate();
        ascii("null");
        return this;
    }

    /** A complete JSON value produced elsewhere (a rendered template, a whole record). */
    JsonBytes beginRawValue() {
        separate();
        return this;
    }

    JsonBytes field(String name, String value) {
        return name(name).string(value);
    }

    JsonBytes field(String name, boolean value) {
        return name(name).bool(value);
    }

    void raw(byte[] bytes) {
        raw(bytes, 0, bytes.length);
    }

    void raw(byte[] bytes, int offset, int length) {
        ensure(length);
        System.arraycopy(bytes, offset, buf, len, length);
        len += length;
    }

    /** Appends text verbatim; callers guarantee it is already valid JSON at this position. */
    void ascii(String text) {
        int n = text.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                raw(text.getBytes(StandardCharsets.UTF_8));
                return;
            }
            buf[len + i] = (byte) c;
        }
        len += n;
    }

    /** Appends the escaped content of a JSON string, without the surrounding quotes. */
    void escaped(String text) {
        int n = text.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80) {
                escapedSlow(text, i);
                return;
            }
            buf[len++] = (byte) c;
        }
    }

    private void escapedSlow(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> ascii("\\\"");
                case '\\' -> ascii("\\\\");
                case '\n' -> ascii("\\n");
                case '\r' -> ascii("\\r");
                case '\t' -> ascii("\\t");
                default -> {
                    if (c < 0x20) {
                        ensure(6);
                        buf[len++] = '\\';
                        buf[len++] = 'u';
                        buf[len++] = '0';
                        buf[len++] = '0';
                        buf[len++] = HEX[c >> 4];
                        buf[len++] = HEX[c & 15];
                    } else if (c >= 0x80) {
                        int end = i + 1;
                        if (Character.isHighSurrogate(c) && end < text.length()) {
                            end++;
                        }
                        raw(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
                        i = end - 1;
                    } else {
                        ensure(1);
                        buf[len++] = (byte) c;
                    }
                }
            }
        }
    }

    void put(byte b) {
        ensure(1);
        buf[len++] = b;
    }

    private void quoted(String text) {
        put((byte) '"');
        escaped(text);
        put((byte) '"');
    }

    private void separate() {
        if (needComma[depth]) {
            put((byte) ',');
        }
        needComma[depth] = true;
    }

    private void push() {
        depth++;
        needComma[depth] = false;
    }

    private void ensure(int extra) {
        if (len + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
        }
    }
}
