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
import org.jdbi.v3.core.Jdbi;

/** {@link UserStore} over JDBC: Argon2id password hashes, SHA-256 token digests (tokens are long random strings). */
public final class JdbcUserStore implements UserStore {
    private final Jdbi jdbi;
    private final PasswordHasher hasher;

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
        Optional<String> hash = jdbi.withHandle(h -> h.createQuery("select password_hash from users where username = ?")
                .bind(0, username).mapTo(String.class).findOne());
        if (hash.isEmpty()) {
            hasher.hash(password);   // as slow as a wrong password, so timing does not tell which names exist
            return Optional.empty();
        }
        return hasher.matches(password, hash.get()) ? find(username) : Optional.empty();
    }

    @Override
    public Optional<User> find(String username) {
        return jdbi.withHandle(h -> h.createQuery("select username, role, created_at_ms from users where username = ?")
                .bind(0, username).map((rs, ctx) -> user(rs)).findOne());
    }

    @Override
    public List<User> list() {
        return jdbi.withHandle(h -> h.createQuery("select username, role, created_at_ms from users order by username")
                .map((rs, ctx) -> user(rs)).list());
    }

    @Override
    public boolean isEmpty() {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from users").mapTo(Long.class).one()) == 0;
    }

    @Override
    public void addToken(String username, String token, String name, long nowMillis) {
        jdbi.useHandle(h -> h.createUpdate("insert into api_tokens (token_digest, username, name, created_at_ms)"
                        + " values (?, ?, ?, ?) on conflict do nothing")
                .bind(0, digest(token)).bind(1, username).bind(2, name).bind(3, nowMillis).execute());
    }

    @Override
    public Optional<User> byToken(String token) {
        return jdbi.withHandle(h -> h.createQuery("select u.username, u.role, u.created_at_ms from api_tokens t"
                        + " join users u on u.username = t.username where t.token_digest = ?")
                .bind(0, digest(token)).map((rs, ctx) -> user(rs)).findOne());
    }

    private static User user(ResultSet rs) throws SQLException {
        return new User(rs.getString("username"), Role.parse(rs.getString("role")).orElseThrow(), rs.getLong("created_at_ms"));
    }

    static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }
}
