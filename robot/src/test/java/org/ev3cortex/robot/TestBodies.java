package org.ev3cortex.robot;

import org.ev3cortex.agent.AgentSchema;
import java.nio.file.Path;
import org.ev3cortex.body.BodyKeys;
import org.ev3cortex.body.Ev3Keys;
import org.ev3cortex.config.Config;
import org.ev3cortex.config.ConfigException;

/** A config for an {@link Ev3Body} over a fake tree: no camera, mic or OSHI unless asked. */
public final class TestBodies {
    private TestBodies() {}

    public static Config config(Path root, String motors, String touch) throws ConfigException {
        return AgentSchema.defaults()
                .with(Ev3Keys.SYSFS_ROOT, root.toString())
                .with(BodyKeys.MOTOR_PORTS, motors)
                .with(BodyKeys.TOUCH_PORTS, touch)
                .with(Ev3Keys.DEVICE_TIMEOUT_MS, 300)
                .with(Ev3Keys.CAMERA_ENABLED, false)
                .with(Ev3Keys.MIC_ENABLED, false)
                .with(Ev3Keys.STATS_ENABLED, false)
                // Driven by hand, not by a loop that re-issues each tick: a long kernel dead-man.
                .with(org.ev3cortex.seam.LoopKeys.MOTOR_EXPIRY_MS, 60_000);
    }

    /** Waits (bounded) until the condition holds; tests poll the emulator, never sleep blind. */
    public static void await(String what, java.util.function.BooleanSupplier ok) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!ok.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            java.util.concurrent.locks.LockSupport.parkNanos(2_000_000L);
        }
    }
}
