package org.ev3cortex.body;

/**
 * A fault a body found and already acted on (motors stopped, the fault shown) before throwing it
 * into the loop. Its message is the whole story (device, value, cause), so it is logged as one
 * line, without a stack trace.
 */
public class BodyFaultException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BodyFaultException(String message, Throwable cause) {
        super(message, cause);
    }
}
