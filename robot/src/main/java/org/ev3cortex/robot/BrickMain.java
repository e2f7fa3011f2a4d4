package org.ev3cortex.robot;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.ev3cortex.agent.Agent;
import org.ev3cortex.agent.AgentOptions;
import org.ev3cortex.agent.TickLoop;
import org.ev3cortex.body.Body;
import org.ev3cortex.config.Config;
import org.ev3cortex.config.ConfigLoader;

/**
 * {@code java -jar ev3cortex-robot.jar [--config FILE]... [--set key=value]... [--print-config]}.
 *
 * <p>The configuration is validated in full before any device is opened: a bad file exits with
 * code 2 and every error listed, and no motor is touched.
 */
public final class BrickMain {
    private BrickMain() {}

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
        ConfigLoader loader = new ConfigLoader();
        Config config = options.loadOrReport(loader, err);
        if (config == null) return AgentOptions.EXIT_CONFIG;
        if (options.printConfig) {
            out.print(config.describe());
            return 0;
        }
        Body body;
        try {
            body = openBody(config);
        } catch (RuntimeException e) {
            err.println("cannot open the ev3dev body: " + e.getMessage());
            return AgentOptions.EXIT_CONFIG;
        }
        // On SIGTERM the loop's hook stops the motors; this one keeps the JVM alive until the
        // summary is logged and the body closed (LEDs off, camera and mic commands ended).
        CountDownLatch finished = new CountDownLatch(1);
        Thread waitForClose = new Thread("brick-shutdown") {
            @Override
            public void run() {
                try {
                    finished.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        Runtime.getRuntime().addShutdownHook(waitForClose);
        try (Agent agent = new Agent(body, config, options.allOverrides(loader))) {
            TickLoop.State end = agent.run(Long.MAX_VALUE);
            if (end == TickLoop.State.FAULTED) {
                if (body instanceof Ev3Body) ((Ev3Body) body).showFault();
                return AgentOptions.EXIT_FAULT;
            }
            return 0;
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(waitForClose);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running and now returns
            }
        }
    }

    static Body openBody(Config config) {
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
