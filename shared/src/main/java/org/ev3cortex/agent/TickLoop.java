package org.ev3cortex.agent;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.ev3cortex.body.Body;
import org.ev3cortex.body.BodyFaultException;
import org.ev3cortex.body.BodyKeys;
import org.ev3cortex.body.CombinedSource;
import org.ev3cortex.body.Snapshot;
import org.ev3cortex.config.Config;
import org.ev3cortex.config.ReloadVerdict;
import org.ev3cortex.seam.LoopKeys;
import org.ev3cortex.seam.LoopState;
import org.ev3cortex.seam.LoopStats;
import org.ev3cortex.seam.MotorCommands;
import org.ev3cortex.seam.Stage;
import org.ev3cortex.seam.TickData;
import org.ev3cortex.seam.TickObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's heartbeat: every {@code agent.periodMs} on the body's clock, read, the stages in order,
 * write ({@link MotorGuard}). Its jobs: pacing, epochs with overrun blame, the config swap between
 * ticks, observers, the body's lifecycle and what a late machine sheds ({@link LoadShedder}); the
 * stuck-tick check is {@link Watchdog}'s, the JVM hook {@link ShutdownCoordinator}'s. Every way it
 * ends stops the motors. No allocation per tick.
 */
public final class TickLoop implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TickLoop.class);

    private final Body body;
    private final Stage[] stages;
    private final CombinedSource senses;
    private final Snapshot snapshot;
    private final MotorCommands commands;
    private final TickData data;
    private final LoopStats stats;
    private final MotorGuard guard;
    private final Watchdog watchdog;
    private Overruns overruns; // made at the first overrun: one class fewer before the first tick
    private long overrunLogIntervalNanos;
    private final ConfigSwap swap = new ConfigSwap();
    private final LoadShedder shedder = new LoadShedder();
    private final int epochs;

    private Config config;
    private long periodNanos;
    private TickObserver[] observers = new TickObserver[0];
    private volatile Runnable endAction;

    private volatile LoopState state = LoopState.NEW;
    private volatile boolean stopRequested;
    private volatile Throwable failure;
    private volatile Thread loopThread;
    private volatile int currentEpoch; // read by the watchdog's message
    private volatile long tick;
    private boolean activated;

    public TickLoop(Body body, List<Stage> stages, Config config) {
        this.body = body;
        this.stages = stages.toArray(new Stage[0]);
        this.senses = new CombinedSource(body, config.get(BodyKeys.MIC_WINDOW_FRAMES));
        this.snapshot = senses.newSnapshot();
        this.commands = new MotorCommands(body.motors().count());
        this.data = new TickData(snapshot, commands);
        this.stats = LoopStats.forStages(this.stages, config.get(LoopKeys.STATS_WINDOW));
        this.epochs = this.stages.length + 2;
        this.guard = new MotorGuard(body.motors(), commands, stats);
        this.watchdog = new Watchdog(1, new Runnable() {
            @Override public void run() {
                if (!body.simulated()) stats.watchdogTrip();
                if (!body.simulated()) guard.stopAll("watchdog");
                log.error("watchdog: tick {} has run {} ms (limit {} ms) in stage '{}'; {}", watchdog.expiredTick(),
                        watchdog.expiredAfterNanos() / 1_000_000, watchdog.timeoutNanos() / 1_000_000, epochName(currentEpoch),
                        body.simulated() ? "a host stall: the simulated robot is left as it is" : "motors stopped");
            }
        });
        apply(config);
    }

    /** Hands over a new config; it is applied at the start of the next tick. Any thread. */
    public void submitConfig(Config next) { swap.submit(next); }
    /** Runs on the loop's thread each time it ends, after the motors are stopped: publish it there. */
    public void onEnd(Runnable action) { this.endAction = action; }
    /** Adds an observer called after every tick's write phase; before {@link #runTicks}. */
    public synchronized void addObserver(TickObserver observer) {
        TickObserver[] next = Arrays.copyOf(observers, observers.length + 1);
        next[observers.length] = observer;
        observers = next;
    }

    /** Receives the verdict on each submitted config when the loop takes it up. */
    public void onVerdict(Consumer<ReloadVerdict> listener) { swap.onVerdict(listener); }
    public Config config() { return config; }
    public LoopStats stats() { return stats; }
    public LoopState state() { return state; }
    /** The exception that faulted the loop, or null. */
    public Throwable failure() { return failure; }
    public long tick() { return tick; }
    /** The last snapshot, the commands and what the stages passed each other; read between ticks. */
    public Snapshot snapshot() { return snapshot; }
    public MotorCommands commands() { return commands; }
    public TickData data() { return data; }
    /** The sheet learns every this many ticks: 1, or more while the machine is too slow for the period. */
    public int learnEvery() { return shedder.learnEvery(); }
    /** True while the battery guard holds the motors stopped. */
    public boolean batteryLow() { return guard.batteryLow(); }

    /** Stops every motor now, from any thread; never throws. */
    public void stopMotors(String why) { guard.stopAll(why); }

    /** Runs up to {@code maxTicks} ticks (MAX_VALUE: until stopped) here, then stops the motors; STOPPED or FAULTED. */
    public LoopState runTicks(long maxTicks) {
        synchronized (this) {
            if (state == LoopState.RUNNING) throw new IllegalStateException("the loop is already running");
            loopThread = Thread.currentThread();
            state = LoopState.RUNNING;
            stopRequested = false;
        }
        watchdog.start();
        long deadline = body.clock().nanoTime();
        long end = tick + maxTicks < 0 ? Long.MAX_VALUE : tick + maxTicks;
        try {
            while (!stopRequested && tick < end) {
                tickOnce();
                deadline += periodNanos;
                long now = body.clock().nanoTime();
                shedder.ended(now - deadline > 0, tick - 1);
                if (now - deadline > 0) {
                    deadline = now; // late: start the next tick at once, don't try to catch up
                } else {
                    body.clock().sleepUntil(deadline);
                }
            }
            state = LoopState.STOPPED;
        } catch (InterruptedException e) {
            state = LoopState.STOPPED;
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            failure = t;
            state = LoopState.FAULTED;
            // A device fault is one line with its cause; anything else keeps its stack trace.
            if (t instanceof BodyFaultException) log.error("stage '{}' failed at tick {}: {}; motors stopped", epochName(currentEpoch), tick, t.getMessage());
            else log.error("stage '{}' failed at tick {}; motors stopped", epochName(currentEpoch), tick, t);
        } finally {
            watchdog.close();
            guard.stopAll(state == LoopState.FAULTED ? "fault" : "loop ended");
            if (state == LoopState.FAULTED) body.onFault(failure);
            body.deactivate(state == LoopState.FAULTED ? "fault" : "stopped");
            activated = false; // a next run starts the background senses again after its first tick
            loopThread = null;
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
    public void requestStop() { stopRequested = true; }

    private void tickOnce() {
        Config next = swap.take(config, tick);
        if (next != null) {
            apply(next);
            swap.applied(next, tick);
        }

        long t0 = System.nanoTime();
        watchdog.feed(tick);
        currentEpoch = 0;
        snapshot.tick = tick;
        senses.read(snapshot);
        long t = System.nanoTime();
        stats.recordEpoch(0, t - t0);

        commands.clearRequests();
        data.learn(shedder.learnIn(tick));
        data.percepts().watchdogTrips(stats.watchdogTrips());
        for (int i = 0; i < stages.length; i++) {
            currentEpoch = i + 1;
            stages[i].update(data);
            long t2 = System.nanoTime();
            stats.recordEpoch(i + 1, t2 - t);
            t = t2;
        }

        currentEpoch = epochs - 1;
        guard.write(body.clock().nanoTime(), snapshot.batteryV, tick);
        long tEnd = System.nanoTime();
        stats.recordEpoch(epochs - 1, tEnd - t);
        watchdog.disarm();

        long tickNanos = tEnd - t0;
        int slowest = stats.endTick(tickNanos);
        if (tickNanos > periodNanos) overrun(slowest, tickNanos, tEnd);
        TickObserver[] obs = observers;
        for (int i = 0; i < obs.length; i++) obs[i].afterTick(tick, snapshot, commands);
        if (!activated) {
            activated = true;
            body.activate(); // after the first read and write: background senses start now
        }
        tick++;
    }

    private void overrun(int slowest, long tickNanos, long nowWall) {
        if (overruns == null) overruns = new Overruns(stats);
        overruns.report(tick, slowest, epochName(slowest), tickNanos, periodNanos, overrunLogIntervalNanos, nowWall);
    }

    private String epochName(int epoch) {
        if (epoch <= 0) return "read";
        if (epoch >= epochs - 1) return "write";
        return stages[epoch - 1].name();
    }

    private void apply(Config c) {
        periodNanos = c.get(LoopKeys.PERIOD_MS) * 1_000_000L;
        overrunLogIntervalNanos = c.get(LoopKeys.OVERRUN_LOG_INTERVAL_MS) * 1_000_000L;
        watchdog.timeout(c.get(LoopKeys.WATCHDOG_MS) * 1_000_000L);
        watchdog.warmup(c.get(LoopKeys.WATCHDOG_WARMUP_TICKS));
        shedder.lateTicks(c.get(LoopKeys.SHED_LATE_TICKS));
        guard.configure(c);
        for (Stage s : stages) s.configure(c);
        config = c;
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
        guard.stopAll("close");
        body.deactivate("closed");
        if (state == LoopState.NEW || state == LoopState.RUNNING) state = LoopState.STOPPED;
    }
}
