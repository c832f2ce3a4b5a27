package dev.trailhound.store.user;

/** A person or automation that signs in to the service. */
public record User(String username, Role role, long createdAtMillis) {}
