package org.ev3cortex.agent;

/**
 * Watches the tick from its own thread, since a stuck tick cannot watch itself: when one tick has
 * run longer than the timeout, {@code onExpire} runs once for that tick, on the watchdog's thread
 * (the loop stops the motors there; {@link #expiredTick()} and {@link #expiredAfterNanos()} say
 * which tick and how long). Times are wall-clock nanoseconds: a stuck stage is stuck in real
 * time, whatever the body's clock says.
 */
public final class Watchdog implements AutoCloseable {
    private final Runnable onExpire;
    private volatile long expiredAfterNanos;
    private volatile long timeoutNanos;
    private volatile long warmupTicks;
    private volatile long armedTimeoutNanos;
    private volatile long armedAtNanos;
    private volatile long armedTick;
    private volatile boolean armed;
    private volatile long expiredTick = -1;
    private Thread thread;

    public Watchdog(long timeoutNanos, Runnable onExpire) {
        this.timeoutNanos = timeoutNanos;
        this.onExpire = onExpire;
    }

    public void timeout(long nanos) {
        timeoutNanos = nanos;
    }

    /** The first {@code ticks} ticks (interpreted, loading classes) get ten times the timeout. */
    public void warmup(long ticks) {
        warmupTicks = ticks;
    }

    public long timeoutNanos() { return armedTimeoutNanos; }
    /** The last tick that overstayed, -1 before any. */
    public long expiredTick() { return expiredTick; }
    /** How long that tick had run when it was caught. */
    public long expiredAfterNanos() { return expiredAfterNanos; }

    /** A tick begins: arms the watchdog for it. Loop thread; no allocation. */
    public void feed(long tick) {
        armedTick = tick;
        armedTimeoutNanos = tick < warmupTicks ? 10 * timeoutNanos : timeoutNanos;
        armedAtNanos = System.nanoTime();
        armed = true;
    }

    /** The tick is over. */
    public void disarm() {
        armed = false;
    }

    public synchronized void start() {
        if (thread != null) return;
        // An anonymous class, not a lambda, on the brick's start-up path (see Schema.Rule).
        thread = new Thread(new Runnable() {
            @Override
            public void run() {
                watch();
            }
        }, "agent-watchdog");
        thread.setDaemon(true);
        thread.start();
    }

    private void watch() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(Math.max(1, timeoutNanos / 4_000_000L));
            } catch (InterruptedException e) {
                return;
            }
            long tick = armedTick;
            long elapsed = System.nanoTime() - armedAtNanos;
            if (armed && elapsed > armedTimeoutNanos && expiredTick != tick) {
                expiredTick = tick;
                expiredAfterNanos = elapsed;
                onExpire.run();
            }
        }
    }

    @Override
    public synchronized void close() {
        armed = false;
        if (thread != null) {
            thread.interrupt();
            thread = null;
        }
    }
}
