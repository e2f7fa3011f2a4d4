package org.ev3cortex.robot;

import java.io.PrintStream;
import org.ev3cortex.agent.Agent;
import org.ev3cortex.agent.AgentOptions;
import org.ev3cortex.agent.AgentSchema;
import org.ev3cortex.agent.BrickBudget;
import org.ev3cortex.body.Body;
import org.ev3cortex.config.Config;
import org.ev3cortex.config.ConfigLoader;
import org.ev3cortex.seam.LoopState;

/**
 * {@code java -jar ev3cortex-robot.jar [--config FILE]... [--set key=value]... [--print-config]}.
 *
 * <p>The configuration is validated in full before any device is opened: a bad file exits with
 * code 2 and every error listed, and no motor is touched.
 */
public final class BrickMain implements Runnable {
    private final Agent agent;

    /** What the back button does: stop the motors at once, then the loop (its end stops them again). */
    private BrickMain(Agent agent) {
        this.agent = agent;
    }

    /** The back button's action; this class rather than a new one, to load no class before the first tick. */
    @Override
    public void run() {
        agent.loop().stopMotors("back button");
        agent.loop().requestStop();
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (java.util.Arrays.asList(args).contains("--version")) {
            out.println(version());
            return 0;
        }
        AgentOptions options;
        try {
            options = AgentOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.print(usage());
            return AgentOptions.EXIT_CONFIG;
        }
        if (options.help) {
            out.print(usage());
            return 0;
        }
        if (!options.rest.isEmpty()) {
            err.println("unknown argument(s): " + String.join(" ", options.rest));
            err.print(usage());
            return AgentOptions.EXIT_CONFIG;
        }
        ConfigLoader loader = AgentSchema.loader();
        Config config = options.loadOrReport(loader, err);
        if (config == null) return AgentOptions.EXIT_CONFIG;
        if (options.printConfig) {
            out.print(config.describe());
            return 0;
        }
        if (options.printBudget) {
            boolean recording = options.record != null
                    || !config.get(org.ev3cortex.status.StatusKeys.RECORD_FILE).trim().isEmpty();
            out.print(BrickBudget.of(config, recording).describe());
            return 0;
        }
        Ev3Body body;
        try {
            body = openBody(config);
        } catch (RuntimeException e) {
            err.println("cannot open the ev3dev body: " + e.getMessage());
            return AgentOptions.EXIT_CONFIG;
        }
        // The agent's one shutdown hook stops the motors on SIGTERM and holds the JVM until
        // close() has logged the summary and closed the body (LEDs off, capture commands ended).
        try (Agent agent = new Agent(body, config, options.allOverrides(loader))) {
            body.onBackButton(new BrickMain(agent));
            // Off by default: without --record, record.file or telemetry.port no recorder or
            // telemetry class is loaded.
            org.ev3cortex.record.Recorder recorder = null;
            if (options.record != null || !config.get(org.ev3cortex.status.StatusKeys.RECORD_FILE).trim().isEmpty()
                    || config.get(org.ev3cortex.status.StatusKeys.TELEMETRY_PORT) != 0) {
                java.nio.file.Path recordTo = org.ev3cortex.agent.Recording.target(options.record, config);
                try {
                    recorder = org.ev3cortex.agent.Recording.startWithTelemetry(agent, recordTo);
                } catch (Exception e) {
                    err.println(recordTo == null || e.getMessage() != null && e.getMessage().startsWith("cannot serve")
                            ? e.getMessage() : "cannot record to " + recordTo + ": " + e);
                    return AgentOptions.EXIT_CONFIG;
                }
            }
            LoopState end = agent.run(Long.MAX_VALUE);
            if (recorder != null) recorder.close(); // before the agent closes: the hook waits for that
            int code = end == LoopState.FAULTED ? AgentOptions.EXIT_FAULT : 0;
            // A signal's exit status would be 128 + signal (143 for SIGTERM); the run's own code
            // says whether the stop was clean (0) or a fault (1).
            agent.exitStatusOnSignal(code);
            return code;
        }
    }

    static Ev3Body openBody(Config config) {
        return Ev3Body.open(config);
    }

    static String usage() {
        return "usage: java -jar ev3cortex-robot.jar [options]\n" + AgentOptions.usage()
                + "  --version           the jar's version and the Java running it\n"
                + "  --help              this text\n";
    }

    /**
     * From the Maven metadata the jar plugin puts into the jar; "dev" when run from classes. (Not
     * the manifest's Implementation-Version: logback would report that as its own version.)
     */
    static String version() {
        String v = null;
        try (java.io.InputStream in = BrickMain.class.getResourceAsStream(
                "/META-INF/maven/org.ev3cortex/ev3cortex-robot/pom.properties")) {
            if (in != null) {
                java.util.Properties p = new java.util.Properties();
                p.load(in);
                v = p.getProperty("version");
            }
        } catch (java.io.IOException e) {
            v = null;
        }
        return "ev3cortex-robot " + (v == null ? "dev" : v) + " on Java " + System.getProperty("java.version")
                + " (" + System.getProperty("java.vm.name") + ")";
    }
}
