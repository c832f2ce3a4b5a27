package dev.trailhound.store.user;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(1024, 1, 1);

    @Test
    void hashes_in_the_phc_format_with_a_fresh_salt_each_time() {
        String a = hasher.hash("secret");
        String b = hasher.hash("secret");
        assertThat(a).startsWith("$argon2id$v=19$m=1024,t=1,p=1$").isNotEqualTo(b);
        assertThat(hasher.matches("secret", a)).isTrue();
        assertThat(hasher.matches("secret", b)).isTrue();
        assertThat(hasher.matches("Secret", a)).isFalse();
    }

    @Test
    void a_hash_made_with_other_parameters_still_verifies_and_garbage_does_not() {
        String stronger = new PasswordHasher(2048, 2, 1).hash("pw");
        assertThat(hasher.matches("pw", stronger)).isTrue();
        assertThat(hasher.matches("pw", "$argon2id$v=19$m=x$$")).isFalse();
        assertThat(hasher.matches("pw", "plain")).isFalse();
    }
}
