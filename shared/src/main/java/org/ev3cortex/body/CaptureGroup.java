package org.ev3cortex.body;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One capture thread for several sources that can be polled (the brick's camera and microphone
 * pipes, its system statistics), instead of a thread each: the brick has one core and 64 MB, and
 * each thread costs a stack and a scheduling slot. The thread takes whatever each source has
 * ready without blocking ({@link ThreadedSource#poll}), and sleeps {@code idleMillis} when none
 * had anything. A source keeps its own state, failures and back-off; a failing one never holds
 * up the others.
 *
 * <p>A source joins with {@link ThreadedSource#shareThread} before it starts; the thread runs
 * while at least one member is started.
 */
public final class CaptureGroup {
    private static final Logger log = LoggerFactory.getLogger(CaptureGroup.class);

    private final String name;
    private final long idleMillis;
    private final Object round = new Object(); // held for a whole round: a member leaves between rounds
    private ThreadedSource<?>[] members = new ThreadedSource<?>[0]; // replaced, never changed in place
    private Thread thread;

    /**
     * @param name       the thread's name
     * @param idleMillis how long to wait when no source had anything: the longest a ready frame
     *                   waits, and the fewer wake-ups the less CPU (a pipe holds 64 kB meanwhile)
     */
    public CaptureGroup(String name, long idleMillis) {
        this.name = name;
        this.idleMillis = Math.max(1, idleMillis);
    }

    synchronized void join(ThreadedSource<?> source) {
        for (ThreadedSource<?> m : members) if (m == source) return;
        ThreadedSource<?>[] more = java.util.Arrays.copyOf(members, members.length + 1);
        more[members.length] = source;
        members = more;
        if (thread == null) {
            Thread t = new Thread(new Runnable() { // not a lambda: see Schema.Rule
                @Override
                public void run() {
                    capture();
                }
            }, name);
            t.setDaemon(true);
            thread = t;
            t.start();
        }
    }

    /** Removes {@code source} once the current round is over; the thread ends with the last member. */
    void leave(ThreadedSource<?> source) {
        Thread ending = null;
        synchronized (round) {
            synchronized (this) {
                int n = 0;
                ThreadedSource<?>[] fewer = new ThreadedSource<?>[members.length];
                for (ThreadedSource<?> m : members) if (m != source) fewer[n++] = m;
                members = java.util.Arrays.copyOf(fewer, n);
                if (n == 0 && thread != null) {
                    ending = thread;
                    thread = null;
                }
            }
        }
        if (ending != null) {
            ending.interrupt();
            try {
                ending.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (ending.isAlive()) log.warn("{}: capture thread did not stop within 2 s", name);
        }
    }

    /** The members' count, for tests and logs. */
    public synchronized int size() {
        return members.length;
    }

    private void capture() {
        Thread self = Thread.currentThread();
        while (true) {
            boolean progress = false;
            synchronized (round) {
                ThreadedSource<?>[] now;
                synchronized (this) {
                    if (thread != self) return;
                    now = members;
                }
                for (ThreadedSource<?> m : now) progress |= m.pollStep();
            }
            if (!progress) {
                try {
                    Thread.sleep(idleMillis);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
