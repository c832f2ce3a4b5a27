package dev.trailhound.store.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trailhound.store.Database;
import dev.trailhound.store.testing.DatabaseKind;
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
            assertThat(users.byToken("tok-123456")).hasValueSatisfying(u -> assertThat(u.username()).isEqualTo("ana"));
            assertThat(users.byToken("tok-12345")).isEmpty();
            assertThat(users.isEmpty()).isFalse();
        }
    }
}
