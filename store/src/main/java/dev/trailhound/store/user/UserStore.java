package dev.trailhound.store.user;

import java.util.List;
import java.util.Optional;

/** Users, their password hashes and their API tokens (kept as digests). */
public interface UserStore {
    /** Creates a user; false when the name is taken. */
    boolean create(String username, String password, Role role, long nowMillis);

    /** The user, when the password is theirs. */
    Optional<User> authenticate(String username, String password);

    Optional<User> find(String username);

    List<User> list();

    boolean isEmpty();

    /** Adds an API token for a user (the caller generated it or took it from configuration). */
    void addToken(String username, String token, String name, long nowMillis);

    /** The user a token belongs to. */
    Optional<User> byToken(String token);
}
