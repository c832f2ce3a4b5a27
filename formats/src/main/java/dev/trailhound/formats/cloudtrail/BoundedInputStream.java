package dev.trailhound.formats.cloudtrail;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Fails once more than a set number of bytes has been read: the guard against decompression bombs. */
final class BoundedInputStream extends FilterInputStream {
    private final long limit;
    private long count;

    BoundedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) throws IOException {
        count += n;
        if (count > limit) {
            throw new DecompressionLimitException(limit);
        }
    }

    /** The input inflated past the configured limit. */
    static final class DecompressionLimitException extends IOException {
        DecompressionLimitException(long limit) {
            super("decompressed size exceeds the limit of " + limit + " bytes (a decompression bomb, or raise the limit)");
        }
    }
}
