package org.ev3cortex.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.ev3cortex.body.Body;
import org.ev3cortex.config.Config;
import org.ev3cortex.config.ConfigLoader;
import org.ev3cortex.config.ConfigOverride;
import org.ev3cortex.config.ConfigReloader;
import org.ev3cortex.config.ReloadVerdict;
import org.ev3cortex.cortex.CortexStage;
import org.ev3cortex.m1.MotorStages;
import org.ev3cortex.status.StatusFile;
import org.ev3cortex.thalamus.Thalamus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent as the brick, the simulator and the laptop all run it: the stages built from the
 * config, the tick loop over a body, hot reload of the config files, and the shutdown hook.
 * Entry points differ only in the body they pass.
 */
public final class Agent implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Agent.class);

    private final Body body;
    private final MotorStages motor;
    private final Thalamus thalamus;
    private final CortexStage cortex;
    private final TickLoop loop;
    private final ConfigReloader reloader;
    private final StatusFile status;
    private volatile ReloadVerdict lastVerdict;

    public Agent(Body body, Config config, List<ConfigOverride> overrides) {
        this.body = body;
        this.motor = new MotorStages(maxSpeed(body));
        this.thalamus = new Thalamus(config);
        this.cortex = new CortexStage();
        cortex.configure(config); // builds the sheet, which the relay (configured before it) feeds
        this.motor.senses.readNoveltyFrom(cortex);
        this.motor.senses.readLightFrom(thalamus.v1());
        // Tick order: senses -> pathways -> relay -> sheet -> motor side.
        List<Stage> stages = new ArrayList<>(thalamus.stages());
        stages.add(new CorticalRelay(thalamus, cortex, motor.m1));
        stages.add(cortex);
        stages.addAll(motor.stages());
        this.loop = new TickLoop(body, stages, config);
        loop.releasedByOwner(); // a SIGTERM waits for the end of close(), body included
        motor.selection.watch(loop.stats());
        this.status = StatusFile.forConfig(config, loop);
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
        // it) cannot let the JVM exit before "motors stopped" is on disk for deploy's stop.
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

    private static int maxSpeed(Body body) {
        int max = Integer.MAX_VALUE;
        for (int i = 0; i < body.motors().count(); i++) max = Math.min(max, body.motors().maxSpeedCountsPerSec(i));
        return max == Integer.MAX_VALUE ? 1050 : max;
    }

    /** The sensory pathways: V1, A1, S1, Insula. */
    public Thalamus thalamus() {
        return thalamus;
    }

    /** The cortical sheet's stage ({@code cortex().sheet()} once configured). */
    public CortexStage cortex() {
        return cortex;
    }

    /** The motor side: features, efference monitor, action selection and M1. */
    public MotorStages motor() {
        return motor;
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
    public TickLoop.State run(long maxTicks) {
        loop.installShutdownHook();
        long pollMs = loop.config().get(AgentKeys.RELOAD_POLL_MS);
        if (pollMs > 0) reloader.start(pollMs);
        status.start();
        log.info("agent running on {} at {} ms per tick", body.describe(), loop.config().get(AgentKeys.PERIOD_MS));
        TickLoop.State end = loop.runTicks(maxTicks);
        log.info("agent stopped ({}):{}{}", end, System.lineSeparator(), loop.stats().summary());
        return end;
    }

    /** Stops the loop, the reloader and the senses, then closes the body (motors stopped). */
    @Override
    public void close() {
        try {
            reloader.close();
            status.close();
            loop.close();
            body.close();
        } finally {
            loop.release();
        }
    }
}
