package org.ev3cortex.sim.record;

/** A file replay or export cannot use, with the one line to tell the user. */
public final class BadRecordingException extends Exception {
    public BadRecordingException(String message) {
        super(message);
    }
}
