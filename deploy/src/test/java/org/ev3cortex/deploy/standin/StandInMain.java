package org.ev3cortex.deploy.standin;

import org.ev3cortex.seam.LoopState;
import org.ev3cortex.agent.AgentSchema;
import java.util.List;
import org.ev3cortex.agent.Agent;
import org.ev3cortex.agent.AgentOptions;
import org.ev3cortex.agent.TickLoop;
import org.ev3cortex.body.BodyKeys;
import org.ev3cortex.body.LoopbackBody;
import org.ev3cortex.body.SystemClock;
import org.ev3cortex.config.Config;
import org.ev3cortex.config.ConfigLoader;

/**
 * The brick jar's stand-in for tests: the real {@link Agent} (tick loop, hot reload, status file,
 * SIGTERM handling) over a {@link LoopbackBody} instead of ev3dev's sysfs. Same options as the
 * brick main. On exit it prints how many stop commands each loopback motor received, so a test
 * can check the stop independently of the agent's own status file.
 */
public final class StandInMain {
    private StandInMain() {}

    public static void main(String[] args) {
        AgentOptions options = AgentOptions.parse(args);
        ConfigLoader loader = AgentSchema.loader();
        Config config = options.loadOrReport(loader, System.err);
        if (config == null) System.exit(AgentOptions.EXIT_CONFIG);
        String[] motors = split(config.get(BodyKeys.MOTOR_PORTS));
        String[] touch = split(config.get(BodyKeys.TOUCH_PORTS));
        LoopbackBody body = new LoopbackBody(SystemClock.INSTANCE, motors, touch);
        int code;
        try (Agent agent = new Agent(body, config, options.allOverrides(loader))) {
            LoopState end = agent.run(Long.MAX_VALUE);
            code = end == LoopState.FAULTED ? AgentOptions.EXIT_FAULT : 0;
            // Printed before close(): on SIGTERM the JVM exits as soon as the agent is closed.
            StringBuilder stops = new StringBuilder();
            for (int m = 0; m < body.motors().count(); m++) stops.append(' ').append(body.motors().stopCount(m));
            System.out.println("stand-in exiting; motors at rest: " + atRest(body) + "; stop commands per motor:" + stops);
        }
        System.exit(code);
    }

    private static boolean atRest(LoopbackBody body) {
        for (int m = 0; m < body.motors().count(); m++) if (body.motors().speed(m) != 0) return false;
        return true;
    }

    private static String[] split(String csv) {
        return csv.isBlank() ? new String[0] : List.of(csv.split(",")).stream().map(String::trim).toArray(String[]::new);
    }
}
