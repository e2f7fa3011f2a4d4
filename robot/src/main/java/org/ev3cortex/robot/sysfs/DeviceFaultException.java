package org.ev3cortex.robot.sysfs;

/**
 * A device kept returning garbage ({@code ev3.garbageLimit} reads in a row) or refused a command:
 * the body stops every motor and shows the fault before throwing this into the tick loop.
 */
public final class DeviceFaultException extends org.ev3cortex.body.BodyFaultException {
    private static final long serialVersionUID = 1L;

    public DeviceFaultException(String message, Throwable cause) {
        super(message, cause);
    }
}
