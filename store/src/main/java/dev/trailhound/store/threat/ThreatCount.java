package dev.trailhound.store.threat;

/** How many threats share one key (a time bucket's start, a tactic id, an account id), with the key's name if any. */
public record ThreatCount(String key, String name, long count) {}
