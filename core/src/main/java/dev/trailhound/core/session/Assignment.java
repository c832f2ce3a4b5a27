package dev.trailhound.core.session;

/**
 * Where an event went.
 *
 * @param session     the session the event joined (null for AWS service events)
 * @param mergedAway  a session the event bridged into {@code session} and that no longer exists, or null
 * @param late        the event joined a session earlier than that session's last event
 */
public record Assignment(Session session, Session mergedAway, boolean late) {}
