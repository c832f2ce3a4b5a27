package dev.trailhound.web;

/**
 * An API error a client can act on, answered as {@code application/problem+json} with the status, a title,
 * what is wrong and, when one request field is to blame, its name.
 */
public final class ApiProblem extends RuntimeException {
    private final int status;
    private final String field;

    public ApiProblem(int status, String field, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.field = field;
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

    /** The request field at fault, or null. */
    public String field() {
        return field;
    }
}
