package org.ev3cortex.agent;

import java.util.ArrayList;
import java.util.List;
import org.ev3cortex.body.Body;
import org.ev3cortex.config.Config;
import org.ev3cortex.config.ConfigLoader;
import org.ev3cortex.config.ConfigOverride;
import org.ev3cortex.config.ConfigReloader;
import org.ev3cortex.config.ReloadVerdict;
import org.ev3cortex.status.StatusFile;
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
    private final TickLoop loop;
    private final ConfigReloader reloader;
    private final StatusFile status;
    private volatile ReloadVerdict lastVerdict;

    public Agent(Body body, Config config, List<ConfigOverride> overrides) {
        this.body = body;
        this.loop = new TickLoop(body, stagesFor(config), config);
        this.status = StatusFile.forConfig(config, loop);
        this.loop.onVerdict(this::verdict);
        this.reloader = new ConfigReloader(new ConfigLoader(config.schema()), config, overrides,
                loop::submitConfig, this::verdict);
    }

    /**
     * The update stages, in tick order. The sensory pathways, the sheet and the motor cortex
     * are added here as they land; every body gets the same list.
     */
    public static List<Stage> stagesFor(Config config) {
        List<Stage> stages = new ArrayList<>();
        return stages;
    }

    private void verdict(ReloadVerdict v) {
        lastVerdict = v;
        status.verdict(v);
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
        status.ended(end, loop.failure());
        log.info("agent stopped ({}):{}{}", end, System.lineSeparator(), loop.stats().summary());
        return end;
    }

    /** Stops the loop, the reloader and the senses, then closes the body (motors stopped). */
    @Override
    public void close() {
        reloader.close();
        status.close();
        loop.close();
        body.close();
    }
}
