package org.ev3cortex.sim.viewer;

import org.ev3cortex.seam.MotorCommands;
import org.ev3cortex.seam.TickObserver;
import org.ev3cortex.body.Snapshot;

/**
 * Runs the simulation at ×1, ×10 or as fast as it goes, and pauses or single-steps it, by holding
 * the loop thread after a tick. The simulated clock itself never waits, so pacing lives here.
 */
public final class Pacer implements TickObserver {
    /** 0 = as fast as possible. */
    private volatile double speed = 1;
    private boolean paused;
    private int steps;
    private final long periodNanos;
    private long wallAnchor;
    private long tickAnchor = -1;

    public Pacer(long periodMs) {
        this.periodNanos = periodMs * 1_000_000L;
    }

    public void speed(double timesRealTime) {
        speed = timesRealTime;
        synchronized (this) {
            tickAnchor = -1;
        }
    }

    public double speed() {
        return speed;
    }

    public synchronized void pause(boolean p) {
        paused = p;
        tickAnchor = -1;
        notifyAll();
    }

    public synchronized boolean paused() {
        return paused;
    }

    /** Lets one tick run while paused. */
    public synchronized void step() {
        steps++;
        notifyAll();
    }

    /** Releases a waiting loop thread for good (the window closed). */
    public synchronized void release() {
        paused = false;
        speed = 0;
        notifyAll();
    }

    @Override
    public void afterTick(long tick, Snapshot snapshot, MotorCommands commands) {
        synchronized (this) {
            while (paused && steps == 0) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (steps > 0) {
                steps--;
                return;
            }
        }
        double s = speed;
        if (s <= 0) return;
        if (tickAnchor < 0) {
            tickAnchor = tick;
            wallAnchor = System.nanoTime();
            return;
        }
        long due = wallAnchor + (long) ((tick - tickAnchor) * periodNanos / s);
        long wait = due - System.nanoTime();
        if (wait > 0) java.util.concurrent.locks.LockSupport.parkNanos(wait);
    }
}
