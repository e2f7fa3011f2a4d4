package org.ev3cortex.config;

/** A raw value that does not fit its key; the message says what was expected. */
public final class BadValueException extends Exception {
    private static final long serialVersionUID = 1L;

    public BadValueException(String message) {
        super(message);
    }
}
