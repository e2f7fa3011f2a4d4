package org.ev3cortex.body;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background-capture half of {@link SensorSource}, done once for every device: a daemon
 * thread opens the device, captures into a back buffer, and publishes it under a short lock. On a
 * failure the state becomes {@link SourceState#FAILED} with its cause, the device is closed, and
 * it is reopened after an exponential back-off (a webcam replugged, an {@code ffmpeg} that died).
 *
 * <p>Subclasses implement the device ({@link #openDevice}, {@link #capture},
 * {@link #closeDevice}) and the buffer handling. The default publish is a buffer swap, so a read
 * costs one array copy and capture never waits for the reader.
 *
 * @param <B> the buffer type
 */
public abstract class ThreadedSource<B> implements SensorSource<B> {
    private static final Logger log = LoggerFactory.getLogger(ThreadedSource.class);

    private final String name;
    private final Clock clock;
    private final long minBackoffMs;
    private final long maxBackoffMs;
    private final Object lock = new Object();

    private B back;
    private B latest;
    private long sequence;
    private long captureNanos;

    private volatile SourceState state = SourceState.NEW;
    private volatile Throwable failure;
    private volatile long failures;
    private Thread thread;
    // Shared-thread mode (shareThread): the group's thread polls this source.
    private CaptureGroup group;
    private boolean joined;
    private boolean polledOpen;
    private long polledBackoffMs;
    private long polledRetryAtNanos;

    protected ThreadedSource(String name, Clock clock, long minBackoffMs, long maxBackoffMs) {
        this.name = name;
        this.clock = clock;
        this.minBackoffMs = minBackoffMs;
        this.maxBackoffMs = Math.max(minBackoffMs, maxBackoffMs);
    }

    /** A fresh buffer of the source's size; called twice, at start-up. */
    protected abstract B newBuffer();

    /** Copies {@code src} into {@code dst}; both have the source's size. */
    protected abstract void copy(B src, B dst);

    /** Opens (or reopens) the device; called on the capture thread. */
    protected abstract void openDevice() throws Exception;

    /** Blocks until one value is captured into {@code into}; an exception marks the device failed. */
    protected abstract void capture(B into) throws Exception;

    /** Releases the device; must not throw and may be called when it is not open. */
    protected abstract void closeDevice();

    /**
     * Whether {@link #poll} is implemented, so the source can share a {@link CaptureGroup}'s
     * thread instead of blocking in {@link #capture} on its own.
     */
    protected boolean pollable() {
        return false;
    }

    /**
     * Takes what the device has ready into {@code into} without blocking (or blocking only
     * briefly), and says whether {@code into} now holds a whole value. A partial value stays in
     * {@code into} (the same buffer is passed again until it is whole). An exception marks the
     * device failed, as in {@link #capture}.
     */
    protected boolean poll(B into) throws Exception {
        throw new UnsupportedOperationException(name + " cannot be polled");
    }

    /**
     * Captures on {@code g}'s thread instead of a thread of its own, from the next {@link #start()}.
     * Only for a source that {@link #pollable() can be polled}.
     */
    public final synchronized void shareThread(CaptureGroup g) {
        if (!pollable()) throw new IllegalStateException(name + " cannot share a capture thread");
        if (thread != null || joined) throw new IllegalStateException(name + " is already capturing");
        group = g;
    }

    /**
     * Makes a captured value the latest one. Runs under the source's lock. The default swaps the
     * back and latest buffers; a ring-buffered source (the microphone) appends instead.
     *
     * @return the buffer to capture into next
     */
    protected B publish(B captured, B previousLatest) {
        latest = captured;
        return previousLatest;
    }

    /**
     * Whether {@link #stop()} may close the device from another thread to unblock a capture
     * stuck in a read (true for pipes and files). Sources whose native library must not be
     * closed under a running call (FFmpeg) return false; their capture must return by itself.
     */
    protected boolean closeUnblocksCapture() {
        return true;
    }

    /** Copies the latest value into the caller's buffer. Runs under the source's lock. */
    protected void copyLatest(B latestValue, B dst) {
        copy(latestValue, dst);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final synchronized void start() {
        if (state == SourceState.CLOSED) throw new IllegalStateException(name + " is closed");
        if (thread != null) return;
        synchronized (lock) {
            if (back == null) {
                back = newBuffer();
                latest = newBuffer();
            }
        }
        state = SourceState.RUNNING;
        if (group != null) {
            if (joined) return;
            polledOpen = false;
            polledBackoffMs = minBackoffMs;
            polledRetryAtNanos = 0;
            joined = true;
            group.join(this);
            return;
        }
        Thread t = new Thread(new Runnable() { // not a lambda: see Schema.Rule
            @Override
            public void run() {
                capture();
            }
        }, "capture-" + name);
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    @Override
    public final synchronized void stop() {
        if (joined) {
            joined = false;
            group.leave(this); // after the group's current round: nothing polls this source any more
            closeDevice();
            polledOpen = false;
            if (state != SourceState.CLOSED) state = SourceState.STOPPED;
            return;
        }
        Thread t = thread;
        if (t == null) return;
        thread = null;
        t.interrupt();
        if (closeUnblocksCapture()) closeDevice(); // unblocks a capture stuck in a read from a pipe
        try {
            t.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (t.isAlive()) {
            log.warn("{}: capture thread did not stop within 2 s", name);
        }
        if (state != SourceState.CLOSED) state = SourceState.STOPPED;
    }

    @Override
    public final void close() {
        synchronized (this) {
            if (state == SourceState.CLOSED) return;
            stop();
            state = SourceState.CLOSED;
        }
        closeDevice();
    }

    @Override
    public final SourceState state() {
        return state;
    }

    @Override
    public final Throwable failure() {
        return failure;
    }

    /** How many times the device has failed since start. */
    public final long failureCount() {
        return failures;
    }

    @Override
    public final long read(B dst, Reading out) {
        synchronized (lock) {
            out.state = state;
            out.sequence = sequence;
            out.captureNanos = captureNanos;
            if (sequence > 0) copyLatest(latest, dst);
            return sequence;
        }
    }

    /** Makes a whole captured value the latest; a source that had failed is running again. */
    private void published(B into) {
        boolean recovered;
        synchronized (lock) {
            back = publish(into, latest);
            sequence++;
            captureNanos = clock.nanoTime();
            // In the same critical section as the new value: a reader never sees a fresh
            // value still marked as from a failed source.
            recovered = state == SourceState.FAILED;
            if (recovered) {
                failure = null;
                state = SourceState.RUNNING;
            }
        }
        if (recovered) log.info("{}: recovered after {} failure(s)", name, failures);
    }

    /**
     * One turn on a {@link CaptureGroup}'s thread: opens the device when due (after a failure,
     * once its back-off has passed), polls it, publishes a whole value. Returns whether it
     * captured one. Never throws: a failure is this source's alone.
     */
    final boolean pollStep() {
        if (!polledOpen) {
            if (System.nanoTime() - polledRetryAtNanos < 0) return false;
            try {
                openDevice();
                polledOpen = true;
            } catch (Exception | LinkageError e) {
                polledFailed(e);
                return false;
            }
        }
        B into;
        synchronized (lock) {
            into = back;
        }
        try {
            if (!poll(into)) return false;
        } catch (Exception | LinkageError e) {
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            polledFailed(e);
            return false;
        }
        published(into);
        polledBackoffMs = minBackoffMs;
        return true;
    }

    /** The device failed: the source shows it, the device is closed, a retry follows in {@code backoffMs}. */
    private void failed(Throwable e, long backoffMs) {
        failures++;
        failure = e;
        state = SourceState.FAILED;
        closeDevice();
        log.warn("{}: device failed ({}); retrying in {} ms", name, e.toString(), backoffMs);
    }

    private void polledFailed(Throwable e) {
        failed(e, polledBackoffMs);
        polledOpen = false;
        polledRetryAtNanos = System.nanoTime() + polledBackoffMs * 1_000_000L;
        polledBackoffMs = Math.min(maxBackoffMs, polledBackoffMs * 2);
    }

    private void capture() {
        Thread self = Thread.currentThread();
        long backoff = minBackoffMs;
        boolean open = false;
        while (thread == self) {
            try {
                if (!open) {
                    openDevice();
                    open = true;
                }
                B into;
                synchronized (lock) {
                    into = back;
                }
                capture(into);
                published(into);
                backoff = minBackoffMs;
            } catch (InterruptedException e) {
                break;
            } catch (Exception | LinkageError e) {
                if (thread != self) break; // stop() closed the device under us: not a failure
                failed(e, backoff);
                open = false;
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    break;
                }
                backoff = Math.min(maxBackoffMs, backoff * 2);
            }
        }
        closeDevice();
    }
}
