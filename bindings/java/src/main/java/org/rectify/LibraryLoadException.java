package org.rectify;

/**
 * librectify could not be used: it was not found where the binding looks, or it is a version
 * this binding does not fit. The message says where it looked, what it found, and what to set.
 */
public final class LibraryLoadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LibraryLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
