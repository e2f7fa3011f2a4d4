package org.ev3cortex.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.ev3cortex.body.Body;
import org.ev3cortex.body.BodyKeys;
import org.ev3cortex.body.CombinedSource;
import org.ev3cortex.body.Motors;
import org.ev3cortex.body.Snapshot;
import org.ev3cortex.body.StopAction;
import org.ev3cortex.config.Config;
import org.ev3cortex.config.Key;
import org.ev3cortex.config.ReloadVerdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's heartbeat: every {@code agent.periodMs} on the body's clock it reads a snapshot of
 * every sense, runs the stages, and writes the motor commands (read, update, write).
 *
 * <p>Safety is part of the loop, not an add-on. All motors are stopped when:
 * <ul>
 *   <li>a stage throws (the loop ends {@link State#FAULTED} with the cause);</li>
 *   <li>the JVM is asked to exit (SIGTERM, SIGINT; see {@link #installShutdownHook()});</li>
 *   <li>a tick runs longer than {@code safety.watchdogMs} (a separate thread stops them, since
 *       the loop itself is stuck);</li>
 *   <li>a motor is not commanded within {@code safety.motorExpiryMs} (motor safety);</li>
 *   <li>the battery falls below {@code safety.battery.lowV}; they stay stopped until it is back
 *       above {@code safety.battery.recoverV};</li>
 *   <li>the loop stops or is closed.</li>
 * </ul>
 *
 * <p>A new config is submitted from any thread and swapped in whole at the start of the next
 * tick, never during one. The per-tick path allocates nothing.
 */
public final class TickLoop implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TickLoop.class);

    /** The loop's life. */
    public enum State { NEW, RUNNING, STOPPED, FAULTED }

    private final Body body;
    private final Motors motors;
    private final Stage[] stages;
    private final CombinedSource senses;
    private final Snapshot snapshot;
    private final MotorCommands commands;
    private final LoopStats stats;
    private final AtomicReference<Config> pending = new AtomicReference<>();
    private final long[] lastFedNanos;
    private final boolean[] safetyStopped;
    private final int epochs;

    private Config config;
    private long periodNanos;
    private long motorExpiryNanos;
    private long watchdogNanos;
    private long overrunLogIntervalNanos;
    private boolean batteryGuard;
    private double batteryLowV;
    private double batteryRecoverV;
    private StopAction safetyStopAction;
    private volatile Consumer<ReloadVerdict> verdicts; // null: nobody listens
    private TickObserver[] observers = new TickObserver[0];
    private volatile Runnable endAction;

    private volatile State state = State.NEW;
    private volatile boolean stopRequested;
    private volatile Throwable failure;
    private volatile Thread loopThread;
    private Thread shutdownHook;
    /** Counted down when the owner is done (see {@link #release()}); the shutdown hook waits for it. */
    private final java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(1);
    private volatile boolean releasedByOwner;
    private Thread watchdog;

    // Watched by the watchdog thread.
    private volatile long tickStartWall;
    private volatile boolean inTick;
    private volatile int currentEpoch;
    private volatile long watchdogTrippedAtTick = -1;

    private volatile long tick; // read by the watchdog thread
    private boolean batteryLow;
    private long lastOverrunLogWall;
    private long overrunsSinceLog;
    private final long startWall = System.nanoTime();

    public TickLoop(Body body, List<Stage> stages, Config config) {
        this.body = body;
        this.motors = body.motors();
        this.stages = stages.toArray(new Stage[0]);
        this.senses = new CombinedSource(body, config.get(BodyKeys.MIC_WINDOW_FRAMES));
        this.snapshot = senses.newSnapshot();
        this.commands = new MotorCommands(motors.count());
        this.lastFedNanos = new long[motors.count()];
        this.safetyStopped = new boolean[motors.count()];
        List<String> names = new ArrayList<>();
        names.add("read");
        for (Stage s : this.stages) names.add(s.name());
        names.add("write");
        this.epochs = names.size();
        this.stats = new LoopStats(names, config.get(AgentKeys.STATS_WINDOW));
        apply(config);
    }

    /** Hands over a new config; it is applied at the start of the next tick. Any thread. */
    public void submitConfig(Config next) {
        pending.set(next);
    }

    /**
     * Runs once each time the loop ends, on the loop's thread, after the motors are stopped and
     * before a waiting shutdown hook lets the JVM exit: where to publish "motors stopped".
     */
    public void onEnd(Runnable action) {
        this.endAction = action;
    }

    /** Adds an observer called after every tick's write phase; before {@link #runTicks}. */
    public synchronized void addObserver(TickObserver observer) {
        TickObserver[] next = java.util.Arrays.copyOf(observers, observers.length + 1);
        next[observers.length] = observer;
        observers = next;
    }

    private void publish(ReloadVerdict v) {
        Consumer<ReloadVerdict> l = verdicts;
        if (l != null) l.accept(v);
    }

    /** Receives {@link ReloadVerdict.Status#APPLIED} verdicts when a submitted config takes effect. */
    public void onVerdict(Consumer<ReloadVerdict> listener) {
        this.verdicts = listener;
    }

    public Config config() {
        return config;
    }

    public LoopStats stats() {
        return stats;
    }

    public State state() {
        return state;
    }

    /** The exception that faulted the loop, or null. */
    public Throwable failure() {
        return failure;
    }

    public long tick() {
        return tick;
    }

    /** The last snapshot; for the viewer, read between ticks. */
    public Snapshot snapshot() {
        return snapshot;
    }

    public MotorCommands commands() {
        return commands;
    }

    /** True while the battery guard holds the motors stopped. */
    public boolean batteryLow() {
        return batteryLow;
    }

    /**
     * Registers a JVM shutdown hook (SIGTERM, SIGINT, {@code System.exit}) that stops the motors
     * at once and then waits briefly for the loop to finish its tick and stop them again.
     */
    public synchronized void installShutdownHook() {
        if (shutdownHook != null) return;
        // Anonymous classes, not lambdas, on the brick's start-up path (see Schema.Rule).
        shutdownHook = new Thread(new Runnable() {
            @Override
            public void run() {
                stopRequested = true;
                stopAllMotors("JVM shutdown");
                // Wait until the owner has finished and closed the loop (summary logged, status
                // published), not for the loop's thread: that is main, which after a normal end is
                // itself blocked in System.exit behind this hook.
                if (loopThread != null) {
                    try {
                        finished.await(2, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                stopAllMotors("JVM shutdown (after the loop)");
            }
        }, "agent-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Runs until {@link #requestStop()}, the JVM exits, or a stage throws. Blocks. */
    public State run() {
        return runTicks(Long.MAX_VALUE);
    }

    /**
     * Runs at most {@code maxTicks} ticks on the calling thread, then stops the motors. Returns
     * how the loop ended: {@link State#STOPPED}, or {@link State#FAULTED} (see {@link #failure()}).
     */
    public State runTicks(long maxTicks) {
        synchronized (this) {
            if (state == State.RUNNING) throw new IllegalStateException("the loop is already running");
            loopThread = Thread.currentThread();
            state = State.RUNNING;
            stopRequested = false;
        }
        startWatchdog();
        senses.start();
        long deadline = body.clock().nanoTime();
        long end = tick + maxTicks < 0 ? Long.MAX_VALUE : tick + maxTicks;
        try {
            while (!stopRequested && tick < end) {
                tickOnce();
                deadline += periodNanos;
                long now = body.clock().nanoTime();
                if (now - deadline > 0) {
                    deadline = now; // late: start the next tick at once, don't try to catch up
                } else {
                    body.clock().sleepUntil(deadline);
                }
            }
            state = State.STOPPED;
        } catch (InterruptedException e) {
            state = State.STOPPED;
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            failure = t;
            state = State.FAULTED;
            if (t instanceof org.ev3cortex.body.BodyFaultException) {
                log.error("stage '{}' failed at tick {}: {}; motors stopped", epochName(currentEpoch), tick, t.getMessage());
            } else {
                log.error("stage '{}' failed at tick {}; motors stopped", epochName(currentEpoch), tick, t);
            }
        } finally {
            inTick = false;
            stopAllMotors(state == State.FAULTED ? "fault" : "loop ended");
            loopThread = null;
            stopWatchdog();
            Runnable atEnd = endAction;
            if (atEnd != null) {
                try {
                    atEnd.run();
                } catch (RuntimeException e) {
                    log.error("end-of-run action failed", e);
                }
            }

        }
        return state;
    }

    /** Asks the loop to finish its tick and stop. Any thread. */
    public void requestStop() {
        stopRequested = true;
    }

    private void tickOnce() {
        Config next = pending.getAndSet(null);
        if (next != null) applyBetweenTicks(next);

        long t0 = System.nanoTime();
        tickStartWall = t0;
        currentEpoch = 0;
        inTick = true;
        snapshot.tick = tick;
        senses.read(snapshot);
        long t = System.nanoTime();
        stats.recordEpoch(0, t - t0);

        commands.clearRequests();
        for (int i = 0; i < stages.length; i++) {
            currentEpoch = i + 1;
            stages[i].update(snapshot, commands);
            long t2 = System.nanoTime();
            stats.recordEpoch(i + 1, t2 - t);
            t = t2;
        }

        currentEpoch = epochs - 1;
        write();
        long tEnd = System.nanoTime();
        stats.recordEpoch(epochs - 1, tEnd - t);
        inTick = false;

        long tickNanos = tEnd - t0;
        int slowest = stats.endTick(tickNanos);
        if (tickNanos > periodNanos) overrun(slowest, tickNanos, tEnd);
        TickObserver[] obs = observers;
        for (int i = 0; i < obs.length; i++) obs[i].afterTick(tick, snapshot, commands);
        tick++;
    }

    private void write() {
        long now = body.clock().nanoTime();
        int n = commands.count();

        if (batteryGuard) {
            double v = snapshot.batteryV;
            if (!batteryLow && v < batteryLowV) {
                batteryLow = true;
                stats.batteryStop();
                log.warn("battery low ({} V < {} V): motors stopped until it recovers above {} V",
                        volts(v), volts(batteryLowV), volts(batteryRecoverV));
                for (int i = 0; i < n; i++) issueStop(i, safetyStopAction, now);
            } else if (batteryLow && v > batteryRecoverV) {
                batteryLow = false;
                log.info("battery recovered ({} V > {} V): motors enabled", volts(v), volts(batteryRecoverV));
            }
        }

        for (int i = 0; i < n; i++) {
            int mode = commands.mode[i];
            if (batteryLow || mode == MotorCommands.NONE) {
                if (!safetyStopped[i] && now - lastFedNanos[i] > motorExpiryNanos) {
                    stats.motorSafetyStop();
                    issueStop(i, safetyStopAction, now);
                }
                continue;
            }
            int speed = clampSpeed(i, commands.speedCountsPerSec[i]);
            switch (mode) {
                case MotorCommands.RUN_FOREVER: motors.runForever(i, speed); break;
                case MotorCommands.RUN_TO_REL_POS: motors.runToRelPos(i, commands.deltaCounts[i], speed); break;
                case MotorCommands.RUN_TIMED: motors.runTimed(i, commands.timeMs[i], speed); break;
                case MotorCommands.STOP:
                default:
                    motors.stop(i, commands.stopAction[i] == null ? safetyStopAction : commands.stopAction[i]);
                    speed = 0;
                    break;
            }
            commands.recordIssued(i, mode, speed, tick);
            lastFedNanos[i] = now;
            safetyStopped[i] = mode == MotorCommands.STOP;
        }
    }

    /** Volts for a message, e.g. 6.40 (allocates: only on a battery transition). */
    static String volts(double v) {
        return String.format(java.util.Locale.ROOT, "%.2f", v);
    }

    private int clampSpeed(int motor, int speed) {
        int max = motors.maxSpeedCountsPerSec(motor);
        return Math.max(-max, Math.min(max, speed));
    }

    private void issueStop(int motor, StopAction action, long now) {
        motors.stop(motor, action);
        commands.recordIssued(motor, MotorCommands.STOP, 0, tick);
        safetyStopped[motor] = true;
        lastFedNanos[motor] = now;
    }

    private void overrun(int slowest, long tickNanos, long nowWall) {
        stats.overrun(slowest);
        overrunsSinceLog++;
        if (nowWall - lastOverrunLogWall >= overrunLogIntervalNanos || lastOverrunLogWall == 0) {
            log.warn("tick {} overran: {} ms > {} ms period; slowest stage '{}' ({} ms); {} overrun(s) since the last report",
                    tick, tickNanos / 1_000_000.0, periodNanos / 1_000_000.0, epochName(slowest),
                    stats.epochSummary(epochName(slowest))[2] / 1_000_000.0, overrunsSinceLog);
            lastOverrunLogWall = nowWall;
            overrunsSinceLog = 0;
        }
    }

    private String epochName(int epoch) {
        if (epoch <= 0) return "read";
        if (epoch >= epochs - 1) return "write";
        return stages[epoch - 1].name();
    }

    private void applyBetweenTicks(Config next) {
        List<Key<?>> changed = next.changedKeys(config);
        for (Key<?> k : changed) {
            if (k.restartOnly()) {
                log.warn("config not applied: restart-only key {} changed; restart the agent", k.name());
                publish(new ReloadVerdict(ReloadVerdict.Status.RESTART_REQUIRED,
                        List.of(k.name() + " is restart-only"), tick));
                return;
            }
        }
        apply(next);
        publish(new ReloadVerdict(ReloadVerdict.Status.APPLIED, List.of(), tick));
        log.info("config applied at tick {} ({} key(s) changed)", tick, changed.size());
    }

    private void apply(Config c) {
        periodNanos = c.get(AgentKeys.PERIOD_MS) * 1_000_000L;
        motorExpiryNanos = c.get(AgentKeys.MOTOR_EXPIRY_MS) * 1_000_000L;
        watchdogNanos = c.get(AgentKeys.WATCHDOG_MS) * 1_000_000L;
        overrunLogIntervalNanos = c.get(AgentKeys.OVERRUN_LOG_INTERVAL_MS) * 1_000_000L;
        batteryGuard = c.get(AgentKeys.BATTERY_GUARD);
        batteryLowV = c.get(AgentKeys.BATTERY_LOW_V);
        batteryRecoverV = c.get(AgentKeys.BATTERY_RECOVER_V);
        safetyStopAction = StopAction.parse(c.get(AgentKeys.STOP_ACTION));
        for (Stage s : stages) s.configure(c);
        config = c;
    }

    /** Stops every motor from any thread; never throws, so it cannot mask the original fault. */
    private void stopAllMotors(String why) {
        StopAction action = safetyStopAction == null ? StopAction.BRAKE : safetyStopAction;
        for (int i = 0; i < motors.count(); i++) {
            try {
                motors.stop(i, action);
            } catch (RuntimeException e) {
                log.error("could not stop motor {} ({}): {}", i, why, e.toString());
            }
        }
        log.debug("motors stopped: {}", why);
    }

    private void startWatchdog() {
        watchdog = new Thread(new Runnable() {
            @Override
            public void run() {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(Math.max(1, watchdogNanos / 4_000_000L));
                } catch (InterruptedException e) {
                    return;
                }
                long startedAt = tickStartWall;
                long tickNow = tick;
                if (inTick && System.nanoTime() - startedAt > watchdogNanos && watchdogTrippedAtTick != tickNow) {
                    watchdogTrippedAtTick = tickNow;
                    stats.watchdogTrip();
                    stopAllMotors("watchdog");
                    log.error("watchdog: tick {} has run {} ms (limit {} ms) in stage '{}'; motors stopped",
                            tickNow, (System.nanoTime() - startedAt) / 1_000_000, watchdogNanos / 1_000_000,
                            epochName(currentEpoch));
                }
            }
            }
        }, "agent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private void stopWatchdog() {
        Thread w = watchdog;
        if (w != null) {
            w.interrupt();
            watchdog = null;
        }
    }

    /**
     * For an owner that does more after {@link #close()} (closing the body, logging): a shutdown
     * hook then waits for {@link #release()} instead of for {@code close()}.
     */
    public void releasedByOwner() {
        releasedByOwner = true;
    }

    /** Lets a JVM shutdown that waits for this loop proceed. Idempotent. */
    public void release() {
        finished.countDown();
    }

    /** Stops the loop (waiting up to 2 s for its tick), stops the motors and the senses. */
    @Override
    public void close() {
        requestStop();
        Thread t = loopThread;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        stopAllMotors("close");
        senses.close();
        synchronized (this) {
            if (shutdownHook != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(shutdownHook);
                } catch (IllegalStateException alreadyShuttingDown) {
                    // the hook is running or has run; nothing to undo
                }
                shutdownHook = null;
            }
        }
        if (state == State.NEW || state == State.RUNNING) state = State.STOPPED;
        if (!releasedByOwner) release();
    }
}
