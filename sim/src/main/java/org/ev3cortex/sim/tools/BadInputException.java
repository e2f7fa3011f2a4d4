package org.ev3cortex.sim.tools;

/** Input a tool cannot use: the message says what is wrong; the tool exits with code 2. */
public final class BadInputException extends Exception {
    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
