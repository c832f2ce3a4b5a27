package dev.trailhound.store.audit;

/** One state-changing action: who did what to which target, when, and details (never secrets). */
public record AuditEntry(long atMillis, String actor, String action, String target, String detail) {}
