package fr.tissu.store;

/** The store failed to answer or to write. */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A failure with its cause. */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A failure. */
    public StoreException(String message) {
        super(message);
    }
}
