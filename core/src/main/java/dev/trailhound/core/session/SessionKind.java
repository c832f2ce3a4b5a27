package dev.trailhound.core.session;

/** How a session's boundaries are found; see {@link SessionRules}. */
public enum SessionKind {
    /** Temporary credentials (ASIA... keys from STS): one session per access key id. */
    TEMPORARY_KEY,
    /** A console sign-in: one session per principal and session creation time. */
    CONSOLE,
    /** Long-term keys, root and anything without a session marker: split by inactivity. */
    ACTIVITY,
    /** AWS services acting on their own or for a principal: never an attacker session. */
    AWS_SERVICE
}
