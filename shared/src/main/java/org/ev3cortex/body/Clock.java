package org.ev3cortex.body;

/**
 * The body's time. The brick uses the real monotonic clock; the simulator uses a
 * {@link VirtualClock} whose {@code sleepUntil} returns at once, so it runs faster than real time
 * with the same agent code.
 */
public interface Clock {
    /** Monotonic time in nanoseconds; only differences mean anything. */
    long nanoTime();

    /** Blocks until {@link #nanoTime()} reaches {@code deadlineNanos}; returns at once if it has. */
    void sleepUntil(long deadlineNanos) throws InterruptedException;
}
