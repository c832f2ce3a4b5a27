package dev.trailhound.store.user;

import dev.trailhound.store.Database;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** {@link UserStore} over JDBC: Argon2id password hashes, SHA-256 token digests (tokens are long random strings). */
public final class JdbcUserStore implements UserStore {
    /** A token's last use is written at most this often, so that API requests do not each write. */
    static final long TOKEN_USE_RESOLUTION_MILLIS = TimeUnit.MINUTES.toMillis(1);
    private static final String USER_COLUMNS = "u.username, u.role, u.disabled, u.created_at_ms, u.last_login_at_ms";
    private static final String TOKEN_COLUMNS = "t.id, t.username, t.name, t.created_at_ms, t.last_used_at_ms";

    private final Jdbi jdbi;
    private final PasswordHasher hasher;
    /** Serialises role and disabled changes in this process (the database's row locks do so across processes). */
    private final Object updates = new Object();

    public JdbcUserStore(Database database, PasswordHasher hasher) {
        this.jdbi = database.jdbi();
        this.hasher = hasher;
    }

    @Override
    public boolean create(String username, String password, Role role, long nowMillis) {
        String hash = hasher.hash(password);
        return jdbi.withHandle(h -> h.createUpdate("insert into users (username, password_hash, role, created_at_ms)"
                        + " values (?, ?, ?, ?) on conflict do nothing")
                .bind(0, username).bind(1, hash).bind(2, role.label()).bind(3, nowMillis).execute()) == 1;
    }

    @Override
    public Optional<User> authenticate(String username, String password) {
        Optional<Stored> stored = jdbi.withHandle(h -> h.createQuery("select " + USER_COLUMNS + ", u.password_hash"
                        + " from users u where u.username = ?")
                .bind(0, username).map((rs, ctx) -> new Stored(user(rs), rs.getString("password_hash"))).findOne());
        if (stored.isEmpty()) {
            hasher.hash(password);   // as slow as a wrong password, so timing does not tell which names exist
            return Optional.empty();
        }
        boolean matches = hasher.matches(password, stored.get().passwordHash());   // also when disabled: the same time
        return matches && !stored.get().user().disabled() ? Optional.of(stored.get().user()) : Optional.empty();
    }

    private record Stored(User user, String passwordHash) {}

    private record TokenUse(User user, long tokenId, Long lastUsedAtMillis) {}

    @Override
    public void recordLogin(String username, long nowMillis) {
        jdbi.useHandle(h -> h.createUpdate("update users set last_login_at_ms = ? where username = ?")
                .bind(0, nowMillis).bind(1, username).execute());
    }

    @Override
    public Optional<User> find(String username) {
        return jdbi.withHandle(h -> find(h, username, false));
    }

    private static Optional<User> find(Handle h, String username, boolean forUpdate) {
        return h.createQuery("select " + USER_COLUMNS + " from users u where u.username = ?" + (forUpdate ? " for update" : ""))
                .bind(0, username).map((rs, ctx) -> user(rs)).findOne();
    }

    @Override
    public List<User> list() {
        return jdbi.withHandle(h -> h.createQuery("select " + USER_COLUMNS + " from users u order by u.username")
                .map((rs, ctx) -> user(rs)).list());
    }

    @Override
    public boolean isEmpty() {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from users").mapTo(Long.class).one()) == 0;
    }

    @Override
    public UserChange update(String username, UserUpdate update) {
        synchronized (updates) {
            return jdbi.inTransaction(h -> {
                // Lock the enabled admins first, then the user: every change takes its locks in this order.
                List<String> enabledAdmins = h.createQuery("select username from users where role = ? and disabled = false"
                                + " order by username for update")
                        .bind(0, Role.ADMIN.label()).mapTo(String.class).list();
                Optional<User> current = find(h, username, true);
                if (current.isEmpty()) {
                    return new UserChange.NoSuchUser(username);
                }
                User before = current.get();
                Role role = update.role() == null ? before.role() : update.role();
                boolean disabled = update.disabled() == null ? before.disabled() : update.disabled();
                User after = new User(before.username(), role, disabled, before.createdAtMillis(), before.lastLoginAtMillis());
                if (before.isEnabledAdmin() && !after.isEnabledAdmin()
                        && enabledAdmins.stream().allMatch(username::equals)) {
                    return new UserChange.LastEnabledAdmin(username);
                }
                h.createUpdate("update users set role = ?, disabled = ? where username = ?")
                        .bind(0, role.label()).bind(1, disabled).bind(2, username).execute();
                return new UserChange.Changed(after);
            });
        }
    }

    @Override
    public boolean setPassword(String username, String password) {
        String hash = hasher.hash(password);
        return jdbi.withHandle(h -> h.createUpdate("update users set password_hash = ? where username = ?")
                .bind(0, hash).bind(1, username).execute()) == 1;
    }

    @Override
    public ApiToken addToken(String username, String token, String name, long nowMillis) {
        String digest = digest(token);
        return jdbi.inTransaction(h -> {
            h.createUpdate("insert into api_tokens (token_digest, username, name, created_at_ms) values (?, ?, ?, ?)"
                            + " on conflict do nothing")
                    .bind(0, digest).bind(1, username).bind(2, name).bind(3, nowMillis).execute();
            return h.createQuery("select " + TOKEN_COLUMNS + " from api_tokens t where t.token_digest = ? and t.username = ?")
                    .bind(0, digest).bind(1, username).map((rs, ctx) -> token(rs)).findOne()
                    .orElseThrow(() -> new IllegalArgumentException("that token is already another user's"));
        });
    }

    @Override
    public Optional<User> byToken(String token, long nowMillis) {
        return jdbi.withHandle(h -> {
            Optional<TokenUse> use = h.createQuery("select " + USER_COLUMNS + ", t.id as token_id, t.last_used_at_ms as token_used"
                            + " from api_tokens t join users u on u.username = t.username"
                            + " where t.token_digest = ? and u.disabled = false")
                    .bind(0, digest(token))
                    .map((rs, ctx) -> new TokenUse(user(rs), rs.getLong("token_id"), nullableLong(rs, "token_used")))
                    .findOne();
            use.filter(u -> u.lastUsedAtMillis() == null || nowMillis - u.lastUsedAtMillis() >= TOKEN_USE_RESOLUTION_MILLIS)
                    .ifPresent(u -> h.createUpdate("update api_tokens set last_used_at_ms = ? where id = ?")
                            .bind(0, nowMillis).bind(1, u.tokenId()).execute());
            return use.map(TokenUse::user);
        });
    }

    @Override
    public List<ApiToken> tokens(String username) {
        return jdbi.withHandle(h -> h.createQuery("select " + TOKEN_COLUMNS + " from api_tokens t where t.username = ? order by t.id")
                .bind(0, username).map((rs, ctx) -> token(rs)).list());
    }

    @Override
    public Optional<ApiToken> token(long id) {
        return jdbi.withHandle(h -> h.createQuery("select " + TOKEN_COLUMNS + " from api_tokens t where t.id = ?")
                .bind(0, id).map((rs, ctx) -> token(rs)).findOne());
    }

    @Override
    public boolean revokeToken(long id) {
        return jdbi.withHandle(h -> h.createUpdate("delete from api_tokens where id = ?").bind(0, id).execute()) == 1;
    }

    private static User user(ResultSet rs) throws SQLException {
        return new User(rs.getString("username"), Role.parse(rs.getString("role")).orElseThrow(), rs.getBoolean("disabled"),
                rs.getLong("created_at_ms"), nullableLong(rs, "last_login_at_ms"));
    }

    private static ApiToken token(ResultSet rs) throws SQLException {
        return new ApiToken(rs.getLong("id"), rs.getString("username"), rs.getString("name"), rs.getLong("created_at_ms"),
                nullableLong(rs, "last_used_at_ms"));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }
}
