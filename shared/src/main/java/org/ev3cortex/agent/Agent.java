package org.ev3cortex.agent;

import java.util.List;
import java.util.function.Consumer;
import org.ev3cortex.a1.A1;
import org.ev3cortex.body.Body;
import org.ev3cortex.config.Config;
import org.ev3cortex.config.ConfigLoader;
import org.ev3cortex.config.ConfigOverride;
import org.ev3cortex.config.ConfigReloader;
import org.ev3cortex.config.ReloadVerdict;
import org.ev3cortex.cortex.Sheet;
import org.ev3cortex.ganglia.ActionSelection;
import org.ev3cortex.m1.MotorCortex;
import org.ev3cortex.seam.LoopKeys;
import org.ev3cortex.seam.LoopState;
import org.ev3cortex.seam.Percepts;
import org.ev3cortex.status.StatusFile;
import org.ev3cortex.v1.V1;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: the agent as the brick, the simulator and the laptop all run it. It
 * builds the stages, fixes their order (the one place it is written), registers the pathways
 * with the cortex, and owns the loop, hot reload, the status file and the one shutdown hook.
 * Entry points differ only in the body they pass. Nothing imports this package but the entry
 * points. The stages and their order are {@link Stages}; the loop adds the read before them
 * and the write ({@link MotorGuard}) after.
 */
public final class Agent implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Agent.class);

    private final Body body;
    private final Stages stages;
    private final TickLoop loop;
    private final ShutdownCoordinator shutdown;
    private final ConfigReloader reloader;
    private final StatusFile status;
    private volatile ReloadVerdict lastVerdict;

    public Agent(Body body, Config config, List<ConfigOverride> overrides) {
        this.body = body;
        this.stages = new Stages(maxSpeed(body));
        this.loop = new TickLoop(body, stages.inOrder(), config);
        this.shutdown = new ShutdownCoordinator(loop);
        this.status = StatusFile.forConfig(config, loop.stats());
        // Anonymous classes, not lambdas, on the brick's start-up path (see Schema.Rule).
        Consumer<ReloadVerdict> verdicts = new Consumer<ReloadVerdict>() {
            @Override
            public void accept(ReloadVerdict v) {
                lastVerdict = v;
                status.verdict(v);
            }
        };
        this.loop.onVerdict(verdicts);
        // Published from inside the loop's end, so that a SIGTERM's shutdown hook (which waits for
        // close) cannot let the JVM exit before "motors stopped" is on disk for deploy's stop.
        this.loop.onEnd(new Runnable() {
            @Override
            public void run() {
                status.ended(loop.state(), loop.failure());
            }
        });
        this.reloader = new ConfigReloader(new ConfigLoader(config.schema()), config, overrides,
                new Consumer<Config>() {
                    @Override
                    public void accept(Config c) {
                        loop.submitConfig(c);
                    }
                }, verdicts);
    }

    /** The slowest drive motor's max_speed (1050, the large motor's, without motors). */
    static int maxSpeed(Body body) {
        int max = Integer.MAX_VALUE;
        for (int i = 0; i < body.motors().count(); i++) max = Math.min(max, body.motors().maxSpeedCountsPerSec(i));
        return max == Integer.MAX_VALUE ? 1050 : max;
    }

    public V1 v1() { return stages.v1; }
    public A1 a1() { return stages.a1; }
    /** The cortical sheet (built when the loop applied the config). */
    public Sheet sheet() { return stages.cortex.sheet(); }
    /** The basal ganglia: the active behaviour and the switches. */
    public ActionSelection selection() { return stages.selection; }
    public MotorCortex m1() { return stages.m1; }
    /** S1's forward model of the wheels: stalls and contacts. */
    public org.ev3cortex.s1.EfferenceMonitor efference() { return stages.efference; }
    /** What the stages handed each other last tick; read between ticks. */
    public Percepts percepts() { return loop.data().percepts(); }

    /** What a tick of this agent's config would cost on the EV3; between ticks. */
    public BrickBudget brickBudget() {
        return BrickBudget.of(stages.inOrder(), loop.config());
    }

    /** The exit status a shutdown by signal (SIGTERM) ends with once close() is done. */
    public void exitStatusOnSignal(int status) {
        shutdown.haltWith(status);
    }

    /** The latest hot-reload verdict, or null. */
    public ReloadVerdict lastVerdict() {
        return lastVerdict;
    }

    public TickLoop loop() {
        return loop;
    }

    public Body body() {
        return body;
    }

    /**
     * Runs at most {@code maxTicks} ticks on the calling thread with hot reload and the shutdown
     * hook in place, then stops the motors. Returns the loop's end state.
     */
    public LoopState run(long maxTicks) {
        shutdown.install();
        long pollMs = loop.config().get(LoopKeys.RELOAD_POLL_MS);
        if (pollMs > 0) reloader.start(pollMs);
        status.start();
        log.info("agent running on {} at {} ms per tick", body.describe(), loop.config().get(LoopKeys.PERIOD_MS));
        LoopState end = loop.runTicks(maxTicks);
        log.info("agent stopped ({}):{}{}", end, System.lineSeparator(), loop.stats().summary());
        return end;
    }

    /**
     * Stops the loop, the reloader and the senses, then closes the body (motors stopped); a JVM
     * shutdown in progress waits for this to finish.
     */
    @Override
    public void close() {
        try {
            reloader.close();
            status.close();
            loop.close();
            body.close();
        } finally {
            shutdown.done();
            shutdown.uninstall();
        }
    }
}
