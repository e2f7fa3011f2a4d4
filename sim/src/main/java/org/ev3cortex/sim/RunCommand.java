package org.ev3cortex.sim;

import java.awt.GraphicsEnvironment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ev3cortex.agent.Agent;
import org.ev3cortex.agent.AgentOptions;
import org.ev3cortex.agent.TickLoop;
import org.ev3cortex.body.BodyKeys;
import org.ev3cortex.body.LoopbackBody;
import org.ev3cortex.body.VirtualClock;
import org.ev3cortex.config.Config;
import org.ev3cortex.config.ConfigLoader;
import org.ev3cortex.config.ConfigOverride;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code run}: the agent against a simulated body, as fast as the host allows. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the agent in the simulator (headless when there is no display).")
public final class RunCommand implements Callable<Integer> {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "Properties file; repeat to layer files.")
    List<Path> configs = new ArrayList<>();

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one key; repeatable.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--print-config", description = "Print every key's effective value and its layer, then exit.")
    boolean printConfig;

    @Option(names = "--headless", description = "No viewer, even when a display exists.")
    boolean headless;

    @Option(names = "--seconds", paramLabel = "N", defaultValue = "60",
            description = "Simulated seconds to run (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        AgentOptions options = new AgentOptions();
        options.configFiles.addAll(configs);
        for (String s : sets) options.overrides.add(ConfigOverride.parse(s, "--set"));
        ConfigLoader loader = new ConfigLoader();
        Config config = options.loadOrReport(loader, System.err);
        if (config == null) return AgentOptions.EXIT_CONFIG;
        if (printConfig) {
            System.out.print(config.describe());
            return 0;
        }
        boolean display = !headless && !GraphicsEnvironment.isHeadless();
        if (display) {
            System.out.println("The viewer is not built yet; running headless.");
        }

        VirtualClock clock = new VirtualClock();
        String[] motors = config.get(BodyKeys.MOTOR_PORTS).split(",");
        String touch = config.get(BodyKeys.TOUCH_PORTS);
        LoopbackBody body = new LoopbackBody(clock, motors, touch.isBlank() ? new String[0] : touch.split(","));
        long periodMs = config.get(org.ev3cortex.agent.AgentKeys.PERIOD_MS);
        long ticks = Math.max(1, Math.round(seconds * 1000 / periodMs));

        try (Agent agent = new Agent(body, config, options.allOverrides(loader))) {
            Progress progress = new Progress(agent.loop(), ticks, periodMs);
            Thread reporter = new Thread(progress, "progress");
            reporter.setDaemon(true);
            long wallStart = System.nanoTime();
            reporter.start();
            TickLoop.State end = agent.run(ticks);
            progress.finish();
            reporter.join(1_000);
            double wall = (System.nanoTime() - wallStart) / 1e9;
            double simulated = agent.loop().tick() * periodMs / 1000.0;
            System.out.printf("%nSummary: %s on %s%n", end, body.describe());
            System.out.printf("  simulated %.1f s in %.2f s wall (%.0fx real time), %d ticks, seed %d%n",
                    simulated, wall, simulated / Math.max(wall, 1e-9), agent.loop().tick(), seed);
            System.out.println("  " + agent.loop().stats().summary().replace("\n", "\n  "));
            return end == TickLoop.State.FAULTED ? AgentOptions.EXIT_FAULT : 0;
        }
    }
}
