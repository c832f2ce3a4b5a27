package dev.trailhound.store.suppression;

/** A rule that has just ended, and how many threats it reopened. */
public record EndedSuppression(Suppression suppression, int reopened) {}
