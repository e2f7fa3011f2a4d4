package org.ev3cortex.body;

/**
 * What a {@link SensorSource#read} returns besides the data, in an object the caller owns and
 * reuses every tick (no allocation in the per-tick path).
 */
public final class Reading {
    /** 1 for the first captured value, then +1 per capture; 0 while nothing was captured yet. */
    public long sequence;
    /** When the value was captured, on the source's clock; meaningless while {@code sequence == 0}. */
    public long captureNanos;
    /** The source's state at the time of the read. */
    public SourceState state = SourceState.NEW;

    /** True when this reading carries a value newer than {@code previousSequence}. */
    public boolean isNewerThan(long previousSequence) {
        return sequence > previousSequence;
    }
}
