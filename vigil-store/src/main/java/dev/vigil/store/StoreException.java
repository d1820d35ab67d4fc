package dev.vigil.store;

/**
 * A store operation that could not be done, with a one-line message a person can act on (a wrong
 * URL, a locked file, a database written by a newer Vigil). Nothing was written when it is thrown
 * from {@link Store#record}, except possibly the scan's own row, left incomplete.
 */
public class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
