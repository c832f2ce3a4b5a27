package dev.trailhound.simulator;

import java.util.SplittableRandom;

/** Mints AWS-shaped identifiers (UUIDs, access keys, resource ids) from a caller-owned random source. */
final class IdMint {
    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final char[] ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final char[] BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();

    private IdMint() {
    }

    static String uuid(SplittableRandom rng) {
        long hi = rng.nextLong();
        long lo = rng.nextLong();
        char[] c = new char[36];
        int j = 0;
        for (int i = 0; i < 32; i++) {
            if (i == 8 || i == 12 || i == 16 || i == 20) {
                c[j++] = '-';
            }
            int nibble = (int) ((i < 16 ? hi >>> (60 - 4 * i) : lo >>> (60 - 4 * (i - 16))) & 15);
            if (i == 12) {
                nibble = 4; // version 4, as AWS request and event ids are
            } else if (i == 16) {
                nibble = 8 | (nibble & 3);
            }
            c[j++] = HEX[nibble];
        }
        return new String(c);
    }

    /** Access key ids and unique ids: a 4-letter prefix (AKIA, ASIA, AIDA, AROA) and base32 characters. */
    static String awsId(String prefix, int length, SplittableRandom rng) {
        return prefix + chars(BASE32, length, rng);
    }

    static String accessKey(String prefix, SplittableRandom rng) {
        return awsId(prefix, 16, rng);
    }

    static String hex(int length, SplittableRandom rng) {
        return chars(HEX, length, rng);
    }

    static String alnum(int length, SplittableRandom rng) {
        return chars(ALNUM, length, rng);
    }

    static String base64(int length, SplittableRandom rng) {
        return chars(BASE64, length, rng);
    }

    /** Same key, same id: for identities that must agree across threads (see {@link SplitMix}). */
    static String stableAwsId(String prefix, int length, long key) {
        return awsId(prefix, length, new SplittableRandom(key));
    }

    static String stableHex(int length, long key) {
        return hex(length, new SplittableRandom(key));
    }

    private static String chars(char[] alphabet, int length, SplittableRandom rng) {
        char[] c = new char[length];
        for (int i = 0; i < length; i++) {
            c[i] = alphabet[rng.nextInt(alphabet.length)];
        }
        return new String(c);
    }
}
