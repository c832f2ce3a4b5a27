package dev.trailhound.web.events;

import java.io.IOException;

/** A request body went past the configured limit while it was read. */
final class BodyTooLarge extends IOException {
    BodyTooLarge(long limit) {
        super("the request body is larger than the limit of " + limit + " bytes", null);
    }
}
