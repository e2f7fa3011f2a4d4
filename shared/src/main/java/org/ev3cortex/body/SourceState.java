package org.ev3cortex.body;

/** The life of a {@link SensorSource}. A failure is a state with a cause, never a stale value. */
public enum SourceState {
    /** Built, not started. */
    NEW,
    /** Capturing; {@code read} returns fresh values as they arrive. */
    RUNNING,
    /** The device failed; {@link SensorSource#failure()} says why. The source may be retrying. */
    FAILED,
    /** Stopped by {@code stop()}; {@code start()} resumes. */
    STOPPED,
    /** Closed for good; the device is released. */
    CLOSED
}
