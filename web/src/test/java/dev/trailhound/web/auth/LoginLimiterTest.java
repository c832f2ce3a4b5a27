package dev.trailhound.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoginLimiterTest {
    private static final long T0 = Instant.parse("2026-03-02T09:00:00Z").toEpochMilli();
    private static final long MINUTE = 60_000;
    private final AtomicLong now = new AtomicLong(T0);
    private final InstantSource clock = () -> Instant.ofEpochMilli(now.get());
    private final LoginLimiter limiter = new LoginLimiter(new LoginLimits(5, 20, Duration.ofMinutes(15)), clock);

    @Test
    void after_the_limit_an_attempt_is_allowed_again_each_time_the_oldest_counted_failure_is_a_window_old() {
        for (int i = 0; i < 5; i++) {
            now.set(T0 + i * MINUTE);
            LoginAttempt attempt = limiter.admit("ana", "192.0.2.1");
            assertThat(attempt).isInstanceOfSatisfying(LoginAttempt.Admitted.class,
                    a -> assertThat(a.locksUsername()).isEqualTo(a.atMillis() == T0 + 4 * MINUTE));
        }
        assertThat(limiter.admit("ana", "192.0.2.1")).isEqualTo(new LoginAttempt.Refused(T0 + 15 * MINUTE, true));
        now.set(T0 + 15 * MINUTE - 1);
        assertThat(limiter.admit("ana", "192.0.2.1")).isInstanceOf(LoginAttempt.Refused.class);
        now.set(T0 + 15 * MINUTE);
        LoginAttempt oneMore = limiter.admit("ana", "192.0.2.1");
        assertThat(oneMore).isInstanceOfSatisfying(LoginAttempt.Admitted.class,
                a -> assertThat(a.usernameLockedUntilMillis()).as("the next oldest failure decides").isEqualTo(T0 + 16 * MINUTE));
        assertThat(limiter.admit("ana", "192.0.2.1")).isEqualTo(new LoginAttempt.Refused(T0 + 16 * MINUTE, true));
        now.set(T0 + 40 * MINUTE);
        assertThat(limiter.admit("ana", "192.0.2.1")).isInstanceOf(LoginAttempt.Admitted.class);
    }

    @Test
    void successful_sign_ins_do_not_count_against_their_address_and_clear_their_username() {
        for (int i = 0; i < 50; i++) {
            LoginAttempt attempt = limiter.admit("user" + (i % 3), "192.0.2.1");
            assertThat(attempt).isInstanceOf(LoginAttempt.Admitted.class);
            limiter.succeeded((LoginAttempt.Admitted) attempt);
        }
        for (int i = 0; i < 4; i++) {
            limiter.admit("ana", "192.0.2.1");
        }
        limiter.succeeded((LoginAttempt.Admitted) limiter.admit("ana", "192.0.2.1"));
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.admit("ana", "192.0.2.1")).as("attempt " + i).isInstanceOf(LoginAttempt.Admitted.class);
        }
    }

    @Test
    void an_attempt_refused_for_its_address_does_not_count_for_its_username() {
        for (int i = 0; i < 20; i++) {
            limiter.admit("user" + i, "192.0.2.1");
        }
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.admit("ana", "192.0.2.1")).isEqualTo(new LoginAttempt.Refused(T0 + 15 * MINUTE, false));
        }
        assertThat(limiter.admit("ana", "198.51.100.7")).as("from elsewhere, ana has no failures")
                .isInstanceOfSatisfying(LoginAttempt.Admitted.class, a -> assertThat(a.locksUsername()).isFalse());
    }

    @Test
    void attempts_at_once_are_admitted_at_most_up_to_the_limit() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<LoginAttempt>> attempts = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                int n = i;
                attempts.add(pool.submit(() -> {
                    go.await();
                    return limiter.admit("ana", "192.0.2." + n);
                }));
            }
            go.countDown();
            int admitted = 0;
            int locking = 0;
            for (Future<LoginAttempt> f : attempts) {
                if (f.get() instanceof LoginAttempt.Admitted a) {
                    admitted++;
                    locking += a.locksUsername() ? 1 : 0;
                }
            }
            assertThat(admitted).isEqualTo(5);
            assertThat(locking).as("one attempt completes the lockout").isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
