package dev.trailhound.web.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Stops password guessing: remembers the times of recent failed sign-ins per username and per client address, and
 * refuses an attempt while either has reached its limit within the window (a sliding window: the attempt after a
 * lockout is allowed once the oldest counted failure is a window old). Time is the service's {@link InstantSource},
 * so tests move it. Memory is bounded: at most {@value #MAX_KEYS} usernames and as many addresses are remembered
 * (least recently used forgotten first), each with at most its limit of times, and forgotten a window after its
 * last failure.
 */
public final class LoginLimiter {
    static final long MAX_KEYS = 100_000;

    private final LoginLimits limits;
    private final InstantSource clock;
    private final Cache<String, Failures> byUsername;
    private final Cache<String, Failures> byAddress;

    public LoginLimiter(LoginLimits limits, InstantSource clock) {
        this.limits = limits;
        this.clock = clock;
        this.byUsername = cache();
        this.byAddress = cache();
    }

    private Cache<String, Failures> cache() {
        long windowNanos = limits.window().toNanos();
        return Caffeine.newBuilder()
                .maximumSize(MAX_KEYS)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .executor(Runnable::run)
                .expireAfter(new Expiry<String, Failures>() {
                    @Override
                    public long expireAfterCreate(String key, Failures value, long currentTime) {
                        return Math.max(0, TimeUnit.MILLISECONDS.toNanos(value.newest()) + windowNanos - currentTime);
                    }

                    @Override
                    public long expireAfterUpdate(String key, Failures value, long currentTime, long currentDuration) {
                        return expireAfterCreate(key, value, currentTime);
                    }

                    @Override
                    public long expireAfterRead(String key, Failures value, long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                })
                .build();
    }

    public LoginLimits limits() {
        return limits;
    }

    /** Admits an attempt to sign in as {@code username} from {@code address}, or refuses it. */
    public LoginAttempt admit(String username, String address) {
        long now = clock.millis();
        String user = key(username);
        Admission forUser = admit(byUsername, user, now, limits.perUsername());
        if (!forUser.admitted()) {
            return new LoginAttempt.Refused(forUser.retryAtMillis(), true);
        }
        Admission forAddress = admit(byAddress, address, now, limits.perAddress());
        if (!forAddress.admitted()) {
            forget(byUsername, user, now);
            return new LoginAttempt.Refused(forAddress.retryAtMillis(), false);
        }
        return new LoginAttempt.Admitted(username, address, now, forUser.lockedUntilMillis(), forAddress.lockedUntilMillis());
    }

    /** The password was right: the username's failures are forgotten, and this attempt no longer counts. */
    public void succeeded(LoginAttempt.Admitted attempt) {
        byUsername.invalidate(key(attempt.username()));
        forget(byAddress, attempt.address(), attempt.atMillis());
    }

    private static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }

    /** Refused until {@code retryAtMillis}, or admitted; when this attempt fills the limit, locked until then. */
    private record Admission(boolean admitted, long retryAtMillis, long lockedUntilMillis) {}

    private Admission admit(Cache<String, Failures> cache, String key, long now, int limit) {
        long window = limits.window().toMillis();
        Admission[] answer = new Admission[1];
        cache.asMap().compute(key, (k, old) -> {
            Failures recent = old == null ? Failures.NONE : old.since(now - window);
            if (recent.count() >= limit) {
                answer[0] = new Admission(false, recent.oldest() + window, 0);
                return recent;
            }
            Failures counted = recent.plus(now, limit);
            answer[0] = new Admission(true, 0, counted.count() >= limit ? counted.oldest() + window : 0);
            return counted;
        });
        return answer[0];
    }

    private static void forget(Cache<String, Failures> cache, String key, long at) {
        cache.asMap().computeIfPresent(key, (k, old) -> old.without(at));
    }

    /** The times of a key's recent failures, oldest first; immutable. */
    private static final class Failures {
        static final Failures NONE = new Failures(new long[0]);
        private final long[] times;

        private Failures(long[] times) {
            this.times = times;
        }

        int count() {
            return times.length;
        }

        long oldest() {
            return times[0];
        }

        long newest() {
            return times.length == 0 ? 0 : times[times.length - 1];
        }

        /** The failures after {@code cutoff}. */
        Failures since(long cutoff) {
            int first = 0;
            while (first < times.length && times[first] <= cutoff) {
                first++;
            }
            return first == 0 ? this : new Failures(Arrays.copyOfRange(times, first, times.length));
        }

        /** With one more failure, keeping the latest {@code limit}. */
        Failures plus(long at, int limit) {
            long[] more = Arrays.copyOf(times, times.length + 1);
            more[times.length] = at;
            return new Failures(more.length > limit ? Arrays.copyOfRange(more, more.length - limit, more.length) : more);
        }

        /** Without one failure at {@code at}; null (forgotten) when none is left. */
        Failures without(long at) {
            for (int i = times.length - 1; i >= 0; i--) {
                if (times[i] == at) {
                    long[] fewer = new long[times.length - 1];
                    System.arraycopy(times, 0, fewer, 0, i);
                    System.arraycopy(times, i + 1, fewer, i, times.length - i - 1);
                    return fewer.length == 0 ? null : new Failures(fewer);
                }
            }
            return this;
        }
    }
}
