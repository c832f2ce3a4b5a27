package dev.trailhound.simulator;

/** Produces the text of one template placeholder for the event being written. */
@FunctionalInterface
interface ValueSource {
    String value(EventScope scope);
}
