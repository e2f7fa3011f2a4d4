package org.ev3cortex.body;

/**
 * Simulated time that moves only when someone sleeps on it or advances it. Deterministic: the
 * same sequence of calls gives the same times, whatever the host is doing.
 */
public final class VirtualClock implements Clock {
    private volatile long now;

    public VirtualClock(long startNanos) {
        this.now = startNanos;
    }

    public VirtualClock() {
        this(0L);
    }

    @Override
    public long nanoTime() {
        return now;
    }

    /** Jumps to the deadline (never backwards). */
    @Override
    public synchronized void sleepUntil(long deadlineNanos) throws InterruptedException {
        if (Thread.interrupted()) throw new InterruptedException();
        if (deadlineNanos - now > 0) now = deadlineNanos;
    }

    /** Moves time forward, e.g. to model a stage that took {@code nanos} of simulated CPU time. */
    public synchronized void advance(long nanos) {
        if (nanos < 0) throw new IllegalArgumentException("time runs forward: " + nanos);
        now += nanos;
    }
}
