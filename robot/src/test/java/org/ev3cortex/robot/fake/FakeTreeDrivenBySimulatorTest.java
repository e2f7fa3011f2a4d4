package org.ev3cortex.robot.fake;

import org.ev3cortex.agent.AgentSchema;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.ev3cortex.body.BodyKeys;
import org.ev3cortex.body.Ev3Keys;
import org.ev3cortex.body.LoopbackBody;
import org.ev3cortex.body.MotorState;
import org.ev3cortex.body.StopAction;
import org.ev3cortex.body.SystemClock;
import org.ev3cortex.config.Config;
import org.ev3cortex.robot.Ev3Body;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seam {@code serve-ev3} needs: a fake tree whose motors are another body's motors (here the
 * shared loopback body, in the simulator its SimBody), so the unchanged driver drives them.
 */
class FakeTreeDrivenBySimulatorTest {
    @TempDir Path root;

    @Test
    void driverCommandsReachTheSimulatedMotorsAndTheirStateComesBack() throws Exception {
        LoopbackBody sim = new LoopbackBody(SystemClock.INSTANCE, new String[] {"outB", "outC"}, new String[0]);
        try (FakeEv3Tree tree = new FakeEv3Tree(root)) {
            tree.addMotor("outB", "lego-ev3-l-motor").driveWith(sim.motors(), 0);
            tree.addMotor("outC", "lego-ev3-l-motor").driveWith(sim.motors(), 1);
            tree.start(2);
            Config c = AgentSchema.defaults().with(Ev3Keys.SYSFS_ROOT, root.toString())
                    .with(BodyKeys.TOUCH_PORTS, "")
                    .with(Ev3Keys.CAMERA_ENABLED, false).with(Ev3Keys.MIC_ENABLED, false)
                    .with(Ev3Keys.STATS_ENABLED, false);
            try (Ev3Body body = Ev3Body.open(c)) {
                body.motors().runForever(0, 300);
                body.motors().runForever(1, -200);
                org.ev3cortex.robot.TestBodies.await("simulated motors run", () ->
                        sim.motors().speed(0) == 300 && sim.motors().speed(1) == -200);
                org.ev3cortex.robot.TestBodies.await("moved", () -> sim.motors().position(0) > 60);
                body.motors().stop(0, StopAction.BRAKE);
                body.motors().stop(1, StopAction.BRAKE);
                org.ev3cortex.robot.TestBodies.await("stopped", () -> sim.motors().speed(0) == 0 && sim.motors().speed(1) == 0);
                tree.settle();
                MotorState s = new MotorState(2);
                body.motors().read(s);
                assertThat(s.positionCounts[0]).isEqualTo((int) Math.round(sim.motors().position(0)));
                assertThat(s.positionCounts[1]).isEqualTo((int) Math.round(sim.motors().position(1)));
                assertThat(s.positionCounts[1]).isNegative();
                assertThat(s.flags[0]).isZero();
            }
        }
    }
}
