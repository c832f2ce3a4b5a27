package dev.trailhound.formats.cloudtrail;

/**
 * Bounds that keep a bad or hostile input from exhausting memory.
 *
 * @param maxRecordBytes       largest single record; CloudTrail records are a few KB, truncated by AWS
 *                             well below 1 MiB
 * @param maxDocumentBytes     largest whole-document file ({@code {"Records":[...]}}, a JSON array); S3
 *                             delivery objects are a few MB. JSON Lines files stream and have no such bound
 * @param maxDecompressedBytes most bytes one compressed file may inflate to: the decompression-bomb guard
 */
public record ReadLimits(int maxRecordBytes, int maxDocumentBytes, long maxDecompressedBytes) {
    public ReadLimits {
        if (maxRecordBytes <= 0 || maxDocumentBytes <= 0 || maxDecompressedBytes <= 0) {
            throw new IllegalArgumentException("read limits must be positive");
        }
    }

    public static ReadLimits defaults() {
        return new ReadLimits(1 << 20, 256 << 20, 8L << 30);
    }
}
