package dev.trailhound.store.account;

/** An AWS account the service has seen, with the name people know it by (null until someone names it). */
public record Account(String accountId, String name, long firstSeenMillis) {}
