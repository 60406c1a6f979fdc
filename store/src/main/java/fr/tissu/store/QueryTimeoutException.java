package fr.tissu.store;

import java.time.Duration;

/** A query ran past its time limit and was cancelled. */
public class QueryTimeoutException extends StoreException {
    private static final long serialVersionUID = 1L;

    private final Duration timeout;

    /** The query was cancelled after {@code timeout}. */
    public QueryTimeoutException(Duration timeout, Throwable cause) {
        super("query cancelled after its time limit of " + timeout.toMillis() + " ms", cause);
        this.timeout = timeout;
    }

    /** The limit that passed. */
    public Duration timeout() {
        return timeout;
    }
}
