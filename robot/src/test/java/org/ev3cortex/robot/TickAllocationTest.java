package org.ev3cortex.robot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ev3cortex.robot.TestBodies.config;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.ev3cortex.body.MotorState;
import org.ev3cortex.body.StopAction;
import org.ev3cortex.robot.fake.FakeEv3Tree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tick's sysfs reads and writes allocate nothing once warm (the per-tick rule). */
class TickAllocationTest {
    @TempDir Path root;

    /** One tick's worth of body I/O: 2 motors, 1 touch, the battery, and commands. */
    static void tick(Ev3Body body, MotorState s, int t) {
        body.motors().read(s);
        body.touch().pressed(0);
        body.battery().voltageV();
        body.battery().currentA();
        int speed = (t % 50) * 10;
        body.motors().runForever(0, speed);
        if (t % 100 == 99) body.motors().stop(1, StopAction.COAST);
        else body.motors().runForever(1, -speed);
    }

    @Test
    void aTickAllocatesNothing() throws Exception {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long me = Thread.currentThread().getId();
        try (FakeEv3Tree tree = new FakeEv3Tree(root)) {
            tree.addMotor("outB", "lego-ev3-l-motor");
            tree.addMotor("outC", "lego-ev3-l-motor");
            tree.addSensor("in1", "lego-ev3-touch");
            tree.start(2);
            try (Ev3Body body = Ev3Body.open(config(root, "outB,outC", "in1"))) {
                MotorState s = new MotorState(2);
                for (int t = 0; t < 20_000; t++) tick(body, s, t); // warm-up: JIT, per-thread buffers
                long[] at = new long[2_001];
                at[0] = mx.getThreadAllocatedBytes(me);
                for (int t = 0; t < 2_000; t++) {
                    tick(body, s, t);
                    at[t + 1] = mx.getThreadAllocatedBytes(me);
                }
                long bytes = at[2_000] - at[0];
                int ticksThatAllocated = 0;
                for (int t = 1; t <= 2_000; t++) if (at[t] != at[t - 1]) ticksThatAllocated++;
                System.out.println("allocated over 2000 ticks: " + bytes + " bytes, in " + ticksThatAllocated + " tick(s)");
                // A per-tick allocation shows in every tick; the JVM occasionally charges one
                // isolated event (deoptimisation) to the thread, which is not the driver's.
                assertThat(ticksThatAllocated).isLessThanOrEqualTo(3);
                assertThat(bytes).isLessThan(4_096);
                // The fake tree rewrites a file in place while the driver may be reading it, a race real
                // sysfs (which regenerates each read) does not have; seen once in a full suite run.
                assertThat(body.health().garbageCount()).as("last error: %s", body.health().lastError())
                        .isLessThanOrEqualTo(1);
            }
        }
    }
}
