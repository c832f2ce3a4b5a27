package dev.trailhound.formats.cloudtrail;

/**
 * Names positions in one input for rejection messages.
 *
 * @param source the file or object name
 * @param line   the 1-based line for JSON Lines input, 0 for whole documents
 * @param base   the byte offset of the parsed buffer within the file, so offsets are the file's
 */
record Where(String source, long line, long base) {
    /** @param index the record's index in its array, or -1 when it is a top-level value */
    String at(int index, int offset) {
        if (line > 0) {
            return index >= 0 ? "line " + line + " record " + index : "line " + line;
        }
        long byteOffset = base + offset;
        return index >= 0 ? "record " + index + " (byte " + byteOffset + ")" : "byte " + byteOffset;
    }
}
