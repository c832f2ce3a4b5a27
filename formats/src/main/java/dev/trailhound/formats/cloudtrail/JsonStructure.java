package dev.trailhound.formats.cloudtrail;

/**
 * Byte-level look at JSON structure, used only to resynchronise after malformed input: it finds where a
 * value ends by counting brackets outside strings, without validating anything else.
 */
final class JsonStructure {
    private JsonStructure() {}

    /**
     * The index just after the object or array that starts at {@code from}, or -1 when the input ends first.
     */
    static int endOfValue(byte[] buf, int from, int limit) {
        int depth = 0;
        boolean inString = false;
        for (int i = from; i < limit; i++) {
            byte b = buf[i];
            if (inString) {
                if (b == '\\') {
                    i++;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '{' || b == '[') {
                depth++;
            } else if (b == '}' || b == ']') {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
        }
        return -1;
    }

    static int skipWhitespace(byte[] buf, int from, int limit) {
        int i = from;
        while (i < limit && (buf[i] == ' ' || buf[i] == '\n' || buf[i] == '\r' || buf[i] == '\t')) {
            i++;
        }
        return i;
    }

    /** True when the object starting at {@code from} ('{') has {@code "Records"} as its first field. */
    static boolean startsWithRecordsField(byte[] buf, int from, int limit) {
        int i = skipWhitespace(buf, from + 1, limit);
        byte[] key = RECORDS;
        if (i + key.length > limit) {
            return false;
        }
        for (int k = 0; k < key.length; k++) {
            if (buf[i + k] != key[k]) {
                return false;
            }
        }
        return true;
    }

    private static final byte[] RECORDS = "\"Records\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
}
