package dev.trailhound.store.audit;

import java.util.List;

/** The record of every state-changing action. */
public interface AuditLog {
    void record(AuditEntry entry);

    /** The latest entries, newest first. */
    List<AuditEntry> latest(int limit);
}
