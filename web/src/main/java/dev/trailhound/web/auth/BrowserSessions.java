package dev.trailhound.web.auth;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed-in browsers: a random session id (the cookie) to the username and the session's CSRF token. Kept in memory:
 * a restart signs browsers out, which is safe. Sessions end after {@code idle} without a request. The user's role and
 * whether it is disabled are looked up on every request ({@link Authentication}), not kept here.
 */
public final class BrowserSessions {
    private final SecureRandom random = new SecureRandom();
    private final ConcurrentHashMap<String, BrowserSession> sessions = new ConcurrentHashMap<>();
    private final InstantSource clock;
    private final Duration idle;

    /** One signed-in browser. */
    public record BrowserSession(String id, String username, String csrfToken, long lastUsedMillis) {}

    public BrowserSessions(InstantSource clock, Duration idle) {
        this.clock = clock;
        this.idle = idle;
    }

    /** Starts a session (and forgets the sessions that ended idle without coming back). */
    public BrowserSession start(String username) {
        long now = clock.millis();
        sessions.values().removeIf(s -> now - s.lastUsedMillis() > idle.toMillis());
        BrowserSession s = new BrowserSession(randomToken(), username, randomToken(), now);
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
                : new BrowserSession(v.id(), v.username(), v.csrfToken(), now));
        return Optional.ofNullable(s);
    }

    public void end(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /** Ends every session of a user but {@code keep} (null: all of them); answers how many ended. */
    public int endAll(String username, String keep) {
        int[] ended = {0};
        sessions.values().removeIf(s -> {
            boolean end = s.username().equals(username) && !s.id().equals(keep);
            ended[0] += end ? 1 : 0;
            return end;
        });
        return ended[0];
    }

    /** 256 random bits, URL-safe. */
    public String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
