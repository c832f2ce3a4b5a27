package dev.trailhound.formats.cloudtrail;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * Inflates gzip data held in memory, as {@link java.util.zip.GZIPInputStream} does (concatenated members are one
 * stream, each member's CRC and size are checked, trailing bytes that are not a gzip member are ignored), but
 * with one {@link Inflater} reused from file to file and no buffers of its own: it inflates straight into the
 * caller's array. S3 delivery objects are small and numerous, and a {@code GZIPInputStream} per object costs a
 * native inflater set-up and its buffers each time. Errors are those of {@code GZIPInputStream}:
 * {@link EOFException} for data that ends early, {@link ZipException} for corrupt data.
 * Not thread-safe: one per reading thread.
 */
public final class MemoryGunzip extends InputStream {
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;

    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private byte[] data = new byte[0];
    private int end;
    private boolean finished;

    /** True when {@code bytes[from, end)} starts with gzip's magic number. */
    public static boolean isGzip(byte[] bytes, int from, int end) {
        return end - from >= 2 && (bytes[from] & 0xff) == 0x1f && (bytes[from + 1] & 0xff) == 0x8b;
    }

    /** Starts inflating {@code data[0, length)}; the array is read, not copied, until the next call. */
    public MemoryGunzip open(byte[] bytes, int length) throws IOException {
        data = bytes;
        end = length;
        finished = false;
        if (!isGzip(bytes, 0, length)) {
            throw new ZipException("Not in GZIP format");
        }
        startMember(0);
        return this;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (finished) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        while (true) {
            int n;
            try {
                n = inflater.inflate(b, off, len);
            } catch (DataFormatException e) {
                throw new ZipException(e.getMessage() != null ? e.getMessage() : "Invalid ZLIB data format");
            }
            if (n > 0) {
                crc.update(b, off, n);
                return n;
            }
            if (inflater.finished()) {
                int trailer = end - inflater.getRemaining();
                int next = checkTrailer(trailer);
                if (!isGzip(data, next, end) || !tryStartMember(next)) {
                    finished = true;
                    return -1;
                }
            } else if (inflater.needsDictionary()) {
                throw new ZipException("ZLIB dictionary missing");
            } else if (inflater.needsInput()) {
                throw new EOFException("Unexpected end of ZLIB input stream");
            }
        }
    }

    /** Checks the 8-byte trailer at {@code at}; returns the offset after it. */
    private int checkTrailer(int at) throws IOException {
        if (end - at < 8) {
            throw new EOFException("Unexpected end of ZLIB input stream");
        }
        long storedCrc = uint32(at);
        long storedSize = uint32(at + 4);
        if (storedCrc != crc.getValue() || storedSize != (inflater.getBytesWritten() & 0xffffffffL)) {
            throw new ZipException("Corrupt GZIP trailer");
        }
        return at + 8;
    }

    /** A further member after a complete one; bytes that do not form a member header end the stream. */
    private boolean tryStartMember(int at) {
        try {
            startMember(at);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void startMember(int at) throws IOException {
        int p = at;
        need(p, 10);
        if ((data[p + 2] & 0xff) != 8) {
            throw new ZipException("Unsupported compression method");
        }
        int flags = data[p + 3] & 0xff;
        p += 10;
        if ((flags & FEXTRA) != 0) {
            need(p, 2);
            p += 2 + ((data[p] & 0xff) | (data[p + 1] & 0xff) << 8);
        }
        if ((flags & FNAME) != 0) {
            p = afterZero(p);
        }
        if ((flags & FCOMMENT) != 0) {
            p = afterZero(p);
        }
        if ((flags & FHCRC) != 0) {
            p += 2;
        }
        need(p, 0);
        inflater.reset();
        crc.reset();
        inflater.setInput(data, p, end - p);
    }

    private int afterZero(int p) throws EOFException {
        while (p < end && data[p] != 0) {
            p++;
        }
        need(p, 1);
        return p + 1;
    }

    private void need(int at, int count) throws EOFException {
        if (at + count > end) {
            throw new EOFException("Unexpected end of gzip header");
        }
    }

    private long uint32(int at) {
        return (data[at] & 0xffL) | (data[at + 1] & 0xffL) << 8 | (data[at + 2] & 0xffL) << 16 | (data[at + 3] & 0xffL) << 24;
    }
}
