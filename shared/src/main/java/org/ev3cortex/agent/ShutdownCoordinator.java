package org.ev3cortex.agent;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The one JVM shutdown hook (SIGTERM, SIGINT, {@code System.exit}) and the one latch it waits on.
 * The hook asks the loop to stop and stops the motors at once; then it holds the JVM until the
 * owner says it is {@link #done()} (summary logged, status published, body closed), for at most
 * {@link #WAIT_MS}, and stops the motors again in case a tick issued a command in between.
 */
public final class ShutdownCoordinator {
    static final long WAIT_MS = 5_000;

    private final TickLoop loop;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile int haltStatus = -1;
    private Thread hook;

    public ShutdownCoordinator(TickLoop loop) {
        this.loop = loop;
    }

    public synchronized void install() {
        if (hook != null) return;
        // An anonymous class, not a lambda, on the brick's start-up path (see Schema.Rule).
        hook = new Thread(new Runnable() {
            @Override
            public void run() {
                loop.requestStop();
                loop.stopMotors("JVM shutdown");
                boolean finished = false;
                try {
                    finished = done.await(WAIT_MS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                loop.stopMotors("JVM shutdown (after the owner)");
                int status = haltStatus;
                if (finished && status >= 0) {
                    System.out.flush();
                    System.err.flush();
                    Runtime.getRuntime().halt(status);
                }
            }
        }, "agent-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * The exit status a shutdown by signal ends with once the owner is done, instead of the
     * signal's (143 for SIGTERM): the brick's main says whether the stop was clean. Unset, the
     * JVM's own status stands.
     */
    public void haltWith(int status) {
        haltStatus = status;
    }

    /** The owner has finished: a shutdown in progress may let the JVM exit. Idempotent. */
    public void done() {
        done.countDown();
    }

    /** Removes the hook when the owner finishes normally; harmless during a shutdown. */
    public synchronized void uninstall() {
        if (hook == null) return;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run; nothing to undo
        }
        hook = null;
    }
}
