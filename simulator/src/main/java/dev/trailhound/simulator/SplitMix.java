package dev.trailhound.simulator;

import java.nio.charset.StandardCharsets;

/**
 * Derives independent, stable seeds from the run seed and a path of labels. Everything that must look the same
 * in every output stream (a person's day, an instance's hourly key) is keyed this way instead of being drawn
 * from a shared generator, so streams can run in any order on any thread and still agree.
 */
final class SplitMix {
    private SplitMix() {
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    static long derive(long seed, long... parts) {
        long z = mix(seed + 0x9E3779B97F4A7C15L);
        for (long part : parts) {
            z = mix(z ^ mix(part + 0x632BE59BD9B4E019L));
        }
        return z;
    }

    /** FNV-1a over UTF-8, so a label hashes the same on every JVM (String.hashCode is only 32 bits). */
    static long hash(String label) {
        long h = 0xcbf29ce484222325L;
        for (byte b : label.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return mix(h);
    }
}
