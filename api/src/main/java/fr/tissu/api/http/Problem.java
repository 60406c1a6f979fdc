package fr.tissu.api.http;

import java.util.LinkedHashMap;
import java.util.Map;

import io.helidon.http.Status;

/**
 * A request the service answers with an error: handlers throw it, and the one error mapping of the routing
 * ({@code Main}) writes it with {@link Problems} as {@code application/problem+json} or a page, with
 * {@code extensions} as extra members and {@code headers} added to the response.
 */
public final class Problem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The status. */
    private final transient Status status;
    private final transient Map<String, Object> extensions = new LinkedHashMap<>();
    private final transient Map<String, String> headers = new LinkedHashMap<>();

    /** An error with {@code status}, and {@code detail} to say what is wrong. */
    public Problem(Status status, String detail) {
        super(detail, null, false, false);
        this.status = status;
    }

    /** An error with {@code status}, {@code detail} and extra members in the problem document. */
    public Problem(Status status, String detail, Map<String, ?> extensions) {
        this(status, detail);
        this.extensions.putAll(extensions);
    }

    /** A 404 that says what was not found. */
    public static Problem notFound(String detail) {
        return new Problem(Status.NOT_FOUND_404, detail);
    }

    /** This error with the response header {@code name} set. */
    public Problem header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Its status. */
    public Status status() {
        return status;
    }

    /** Its extra problem members. */
    public Map<String, Object> extensions() {
        return extensions;
    }

    /** The headers it adds. */
    public Map<String, String> headers() {
        return headers;
    }
}
