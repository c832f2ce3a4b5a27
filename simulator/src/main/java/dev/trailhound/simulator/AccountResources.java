package dev.trailhound.simulator;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** What one account owns: account-wide resources (buckets, IAM) and, per region index, regional ones. */
record AccountResources(Map<ResourceKind, List<String>> global, List<Map<ResourceKind, List<String>>> regional) {
    AccountResources {
        global = immutable(global);
        regional = regional.stream().map(AccountResources::immutable).toList();
    }

    List<String> of(ResourceKind kind, int regionIndex) {
        List<String> found = kind.regional() ? regional.get(regionIndex).get(kind) : global.get(kind);
        return found == null ? List.of() : found;
    }

    String pick(ResourceKind kind, int regionIndex, SplittableRandom rng) {
        List<String> pool = of(kind, regionIndex);
        if (pool.isEmpty()) {
            pool = of(kind, 0);
        }
        return pool.isEmpty() ? kind.placeholder() : pool.get(rng.nextInt(pool.size()));
    }

    String first(ResourceKind kind, int regionIndex) {
        List<String> pool = of(kind, regionIndex);
        return pool.isEmpty() ? kind.placeholder() : pool.get(0);
    }

    private static Map<ResourceKind, List<String>> immutable(Map<ResourceKind, List<String>> source) {
        EnumMap<ResourceKind, List<String>> copy = new EnumMap<>(ResourceKind.class);
        source.forEach((kind, names) -> copy.put(kind, List.copyOf(names)));
        return java.util.Collections.unmodifiableMap(copy);
    }
}
