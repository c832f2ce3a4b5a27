package dev.trailhound.formats.cloudtrail;

import dev.trailhound.core.event.Event;

/** What decoding one JSON object gave: an event, or why it is not one. */
sealed interface Decoded {
    record Ok(Event event) implements Decoded {}

    record Invalid(String reason) implements Decoded {}

    static Decoded invalid(String reason) {
        return new Invalid(reason);
    }
}
