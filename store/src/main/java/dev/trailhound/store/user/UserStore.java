package dev.trailhound.store.user;

import java.util.List;
import java.util.Optional;

/** Users, their password hashes and their API tokens (kept as digests). */
public interface UserStore {
    /** Creates an enabled user; false when the name is taken. */
    boolean create(String username, String password, Role role, long nowMillis);

    /** The user, when the password is theirs and the user is not disabled. */
    Optional<User> authenticate(String username, String password);

    /** Notes a successful password sign-in. */
    void recordLogin(String username, long nowMillis);

    Optional<User> find(String username);

    /** Every user, by name. */
    List<User> list();

    boolean isEmpty();

    /**
     * Changes a user's role or disabled flag, unless that would leave no enabled admin (then nothing changes). Safe
     * against concurrent changes: two requests demoting the last two admins cannot both succeed.
     */
    UserChange update(String username, UserUpdate update);

    /** Sets a user's password; false when there is no such user. */
    boolean setPassword(String username, String password);

    /** Adds an API token for a user (the caller generated it or took it from configuration), and answers its id. */
    ApiToken addToken(String username, String token, String name, long nowMillis);

    /** The enabled user a token belongs to; notes the token's use (at most once a minute). */
    Optional<User> byToken(String token, long nowMillis);

    /** A user's tokens, oldest first. */
    List<ApiToken> tokens(String username);

    Optional<ApiToken> token(long id);

    /** Deletes a token; false when there is none with this id. */
    boolean revokeToken(long id);
}
