package org.ev3cortex.deploy;

/**
 * A local input the command cannot use (a missing jar or properties file, a bad key): reported in
 * one line before connecting to the brick, exit code 2.
 */
public final class BadInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }
}
