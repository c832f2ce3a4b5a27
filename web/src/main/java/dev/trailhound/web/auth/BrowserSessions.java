package dev.trailhound.web.auth;

import dev.trailhound.store.user.User;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed-in browsers: a random session id (the cookie) to the user and the session's CSRF token. Kept in memory:
 * a restart signs browsers out, which is safe. Sessions end after {@code idle} without a request.
 */
public final class BrowserSessions {
    private final SecureRandom random = new SecureRandom();
    private final ConcurrentHashMap<String, BrowserSession> sessions = new ConcurrentHashMap<>();
    private final InstantSource clock;
    private final Duration idle;

    /** One signed-in browser. */
    public record BrowserSession(String id, User user, String csrfToken, long lastUsedMillis) {}

    public BrowserSessions(InstantSource clock, Duration idle) {
        this.clock = clock;
        this.idle = idle;
    }

    public BrowserSession start(User user) {
        BrowserSession s = new BrowserSession(randomToken(), user, randomToken(), clock.millis());
        sessions.put(s.id(), s);
        return s;
    }

    /** The live session with this id, its idle time restarted. */
    public Optional<BrowserSession> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        long now = clock.millis();
        BrowserSession s = sessions.computeIfPresent(id, (k, v) -> now - v.lastUsedMillis() > idle.toMillis() ? null
                : new BrowserSession(v.id(), v.user(), v.csrfToken(), now));
        return Optional.ofNullable(s);
    }

    public void end(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /** 256 random bits, URL-safe. */
    public String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
