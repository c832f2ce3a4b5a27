package dev.trailhound.store.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trailhound.store.Database;
import dev.trailhound.store.DatabaseSettings;
import dev.trailhound.store.testing.DatabaseKind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JdbcUserStoreTest {
    /** Cheap parameters: the tests check behaviour, not the cost. */
    private static final PasswordHasher HASHER = new PasswordHasher(1024, 1, 1);

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void authenticates_by_password_and_by_token_and_refuses_wrong_ones(DatabaseKind kind) {
        try (Database db = kind.open("users")) {
            JdbcUserStore users = new JdbcUserStore(db, HASHER);
            assertThat(users.isEmpty()).isTrue();
            assertThat(users.create("ana", "correct horse", Role.ANALYST, 1)).isTrue();
            assertThat(users.create("ana", "other", Role.ADMIN, 2)).isFalse();
            users.addToken("ana", "tok-123456", "ci", 3);

            assertThat(users.authenticate("ana", "correct horse")).hasValueSatisfying(u -> assertThat(u.role()).isEqualTo(Role.ANALYST));
            assertThat(users.authenticate("ana", "correct horse ")).isEmpty();
            assertThat(users.authenticate("nobody", "correct horse")).isEmpty();
            assertThat(users.byToken("tok-123456", 4)).hasValueSatisfying(u -> assertThat(u.username()).isEqualTo("ana"));
            assertThat(users.byToken("tok-12345", 4)).isEmpty();
            assertThat(users.isEmpty()).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void a_disabled_user_can_neither_sign_in_nor_use_its_tokens_until_enabled_again(DatabaseKind kind) {
        try (Database db = kind.open("users")) {
            JdbcUserStore users = new JdbcUserStore(db, HASHER);
            users.create("root", "root password", Role.ADMIN, 1);
            users.create("ana", "correct horse", Role.ANALYST, 1);
            users.addToken("ana", "tok-ana-0001", "ci", 2);

            assertThat(users.update("ana", new UserUpdate(null, true))).isInstanceOfSatisfying(UserChange.Changed.class,
                    c -> assertThat(c.user().disabled()).isTrue());
            assertThat(users.find("ana")).hasValueSatisfying(u -> assertThat(u.disabled()).isTrue());
            assertThat(users.authenticate("ana", "correct horse")).isEmpty();
            assertThat(users.byToken("tok-ana-0001", 3)).isEmpty();

            users.update("ana", new UserUpdate(null, false));
            assertThat(users.authenticate("ana", "correct horse")).isPresent();
            assertThat(users.byToken("tok-ana-0001", 4)).isPresent();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void the_last_enabled_admin_can_be_neither_demoted_nor_disabled(DatabaseKind kind) {
        try (Database db = kind.open("users")) {
            JdbcUserStore users = new JdbcUserStore(db, HASHER);
            users.create("root", "root password", Role.ADMIN, 1);
            users.create("second", "second password", Role.ADMIN, 1);
            users.create("ana", "correct horse", Role.ANALYST, 1);

            assertThat(users.update("second", new UserUpdate(null, true))).isInstanceOf(UserChange.Changed.class);
            // a disabled admin does not count: root is now the last enabled one
            assertThat(users.update("root", new UserUpdate(Role.ANALYST, null))).isEqualTo(new UserChange.LastEnabledAdmin("root"));
            assertThat(users.update("root", new UserUpdate(null, true))).isEqualTo(new UserChange.LastEnabledAdmin("root"));
            assertThat(users.find("root")).hasValueSatisfying(u -> assertThat(u.isEnabledAdmin()).isTrue());
            // what leaves root an enabled admin is allowed, and so are changes to others
            assertThat(users.update("root", new UserUpdate(Role.ADMIN, false))).isInstanceOf(UserChange.Changed.class);
            assertThat(users.update("second", new UserUpdate(Role.VIEWER, null))).isInstanceOf(UserChange.Changed.class);
            assertThat(users.update("ana", new UserUpdate(Role.ADMIN, null))).isInstanceOf(UserChange.Changed.class);
            // with ana an admin, root may step down
            assertThat(users.update("root", new UserUpdate(Role.VIEWER, null))).isInstanceOf(UserChange.Changed.class);
            assertThat(users.update("nobody", new UserUpdate(Role.VIEWER, null))).isEqualTo(new UserChange.NoSuchUser("nobody"));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void two_admins_demoting_each_other_at_once_leave_one_admin(DatabaseKind kind) throws Exception {
        try (Database db = kind.open("users")) {
            for (int round = 0; round < 5; round++) {
                JdbcUserStore users = new JdbcUserStore(db, HASHER);
                String a = "a" + round;
                String b = "b" + round;
                users.create(a, "password a", Role.ADMIN, 1);
                users.create(b, "password b", Role.ADMIN, 1);
                if (round > 0) {   // only this round's two admins are enabled
                    users.update("a" + (round - 1), new UserUpdate(null, true));
                    users.update("b" + (round - 1), new UserUpdate(null, true));
                }
                // two stores over one database: as two processes would, each with its own in-process lock
                JdbcUserStore other = new JdbcUserStore(db, HASHER);
                CountDownLatch start = new CountDownLatch(1);
                ExecutorService pool = Executors.newFixedThreadPool(2);
                try {
                    List<Future<UserChange>> changes = new ArrayList<>();
                    for (Callable<UserChange> change : List.<Callable<UserChange>>of(
                            () -> { start.await(); return users.update(a, new UserUpdate(null, true)); },
                            () -> { start.await(); return other.update(b, new UserUpdate(Role.VIEWER, null)); })) {
                        changes.add(pool.submit(change));
                    }
                    start.countDown();
                    long changed = 0;
                    for (Future<UserChange> f : changes) {
                        changed += f.get() instanceof UserChange.Changed ? 1 : 0;
                    }
                    assertThat(changed).as("round " + round).isEqualTo(1);
                    assertThat(users.list()).filteredOn(User::isEnabledAdmin).hasSize(1);
                } finally {
                    pool.shutdownNow();
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void a_new_password_replaces_the_old_one_and_a_login_is_noted(DatabaseKind kind) {
        try (Database db = kind.open("users")) {
            JdbcUserStore users = new JdbcUserStore(db, HASHER);
            users.create("ana", "correct horse", Role.ANALYST, 1);
            assertThat(users.find("ana")).hasValueSatisfying(u -> assertThat(u.lastLoginAtMillis()).isNull());

            assertThat(users.setPassword("ana", "battery staple")).isTrue();
            assertThat(users.setPassword("nobody", "battery staple")).isFalse();
            assertThat(users.authenticate("ana", "correct horse")).isEmpty();
            assertThat(users.authenticate("ana", "battery staple")).isPresent();

            users.recordLogin("ana", 1_700_000_000_000L);
            assertThat(users.find("ana")).hasValueSatisfying(u -> assertThat(u.lastLoginAtMillis()).isEqualTo(1_700_000_000_000L));
            assertThat(users.list()).extracting(User::username).containsExactly("ana");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void tokens_are_listed_by_id_without_secret_noted_when_used_and_stop_working_when_revoked(DatabaseKind kind) {
        try (Database db = kind.open("users")) {
            JdbcUserStore users = new JdbcUserStore(db, HASHER);
            users.create("ana", "correct horse", Role.ANALYST, 1);
            users.create("vic", "viewer pass", Role.VIEWER, 1);
            ApiToken ci = users.addToken("ana", "tok-ana-ci", "ci", 10);
            ApiToken laptop = users.addToken("ana", "tok-ana-laptop", "laptop", 11);
            ApiToken vics = users.addToken("vic", "tok-vic", "vic's", 12);
            assertThat(users.addToken("ana", "tok-ana-ci", "ci again", 13)).as("the same token twice is one token").isEqualTo(ci);
            assertThatThrownBy(() -> users.addToken("vic", "tok-ana-ci", "stolen", 14)).isInstanceOf(IllegalArgumentException.class);

            assertThat(List.of(ci.id(), laptop.id(), vics.id())).doesNotHaveDuplicates();
            assertThat(users.tokens("ana")).containsExactly(ci, laptop);
            assertThat(ci).isEqualTo(new ApiToken(ci.id(), "ana", "ci", 10, null));

            assertThat(users.byToken("tok-ana-ci", 100_000)).isPresent();
            assertThat(users.token(ci.id())).hasValueSatisfying(t -> assertThat(t.lastUsedAtMillis()).isEqualTo(100_000));
            users.byToken("tok-ana-ci", 100_000 + 30_000);   // within the minute: not written again
            assertThat(users.token(ci.id())).hasValueSatisfying(t -> assertThat(t.lastUsedAtMillis()).isEqualTo(100_000));
            users.byToken("tok-ana-ci", 100_000 + 60_000);
            assertThat(users.token(ci.id())).hasValueSatisfying(t -> assertThat(t.lastUsedAtMillis()).isEqualTo(160_000));

            assertThat(users.revokeToken(ci.id())).isTrue();
            assertThat(users.revokeToken(ci.id())).isFalse();
            assertThat(users.byToken("tok-ana-ci", 200_000)).isEmpty();
            assertThat(users.byToken("tok-ana-laptop", 200_000)).isPresent();
            assertThat(users.token(ci.id())).isEmpty();
            assertThat(users.tokens("ana")).extracting(ApiToken::name).containsExactly("laptop");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void tokens_and_users_from_before_the_users_migration_keep_working_and_get_ids(DatabaseKind kind) {
        DatabaseSettings settings = kind.settings("users-upgrade");
        Flyway.configure().dataSource(settings.url(), settings.user(), settings.password())
                .locations("classpath:db/migration").target("2").load().migrate();
        Jdbi old = Jdbi.create(settings.url(), settings.user(), settings.password());
        old.useHandle(h -> {
            h.execute("insert into users (username, password_hash, role, created_at_ms) values (?, ?, ?, ?)",
                    "admin", HASHER.hash("admin password"), "admin", 1L);
            h.execute("insert into api_tokens (token_digest, username, name, created_at_ms) values (?, ?, ?, ?)",
                    JdbcUserStore.digest("old-token-1"), "admin", "one", 2L);
            h.execute("insert into api_tokens (token_digest, username, name, created_at_ms) values (?, ?, ?, ?)",
                    JdbcUserStore.digest("old-token-2"), "admin", "two", 3L);
        });
        try (Database db = Database.open(settings)) {
            JdbcUserStore users = new JdbcUserStore(db, HASHER);
            assertThat(users.find("admin")).hasValueSatisfying(u -> {
                assertThat(u.disabled()).isFalse();
                assertThat(u.lastLoginAtMillis()).isNull();
            });
            assertThat(users.authenticate("admin", "admin password")).isPresent();
            assertThat(users.byToken("old-token-2", 10)).isPresent();
            List<ApiToken> tokens = users.tokens("admin");
            assertThat(tokens).extracting(ApiToken::name).containsExactlyInAnyOrder("one", "two");
            assertThat(tokens).extracting(ApiToken::id).doesNotHaveDuplicates();
            ApiToken added = users.addToken("admin", "new-token", "three", 20);
            assertThat(added.id()).isNotIn(tokens.stream().map(ApiToken::id).toList());
        }
    }
}
