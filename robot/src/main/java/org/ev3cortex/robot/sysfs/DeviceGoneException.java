package org.ev3cortex.robot.sysfs;

/**
 * A device vanished at run time (unplugged): its sysfs directory is gone. By the time this is
 * thrown, the body has stopped every motor and shown the fault on the LEDs.
 */
public final class DeviceGoneException extends org.ev3cortex.body.BodyFaultException {
    private static final long serialVersionUID = 1L;

    public DeviceGoneException(String message, Throwable cause) {
        super(message, cause);
    }
}
