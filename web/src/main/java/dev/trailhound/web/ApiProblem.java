package dev.trailhound.web;

import java.time.Instant;

/**
 * An API error a client can act on, answered as {@code application/problem+json} with the status, a title,
 * what is wrong and, when one request field is to blame, its name.
 */
public final class ApiProblem extends RuntimeException {
    private final int status;
    private final String field;
    private final Instant retryAt;
    private final long retryAfterSeconds;

    public ApiProblem(int status, String field, String detail) {
        this(status, field, detail, null, 0);
    }

    private ApiProblem(int status, String field, String detail, Instant retryAt, long retryAfterSeconds) {
        super(detail, null, false, false);
        this.status = status;
        this.field = field;
        this.retryAt = retryAt;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /**
     * 429: the client must wait until {@code retryAt}; answered with a Retry-After header (whole seconds from
     * {@code now}, at least 1) and the time in the body ({@code retryAt}, {@code retryAfterSeconds}).
     */
    public static ApiProblem tooManyRequests(String field, String detail, Instant retryAt, Instant now) {
        long seconds = Math.max(1, Math.ceilDiv(retryAt.toEpochMilli() - now.toEpochMilli(), 1000L));
        return new ApiProblem(429, field, detail, retryAt, seconds);
    }

    public static ApiProblem badRequest(String field, String detail) {
        return new ApiProblem(400, field, detail);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(404, null, detail);
    }

    public int status() {
        return status;
    }

    /** When the client may try again, or null when the problem does not say. */
    public Instant retryAt() {
        return retryAt;
    }

    /** Whole seconds to wait (with {@link #retryAt}), or 0. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The request field at fault, or null. */
    public String field() {
        return field;
    }
}
