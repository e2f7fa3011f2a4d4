package org.ev3cortex.robot.bench;

import org.ev3cortex.agent.AgentSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ev3cortex.body.MotorState;
import org.ev3cortex.body.StopAction;
import org.ev3cortex.robot.Ev3Body;
import org.ev3cortex.robot.fake.FakeEv3Tree;

/**
 * Time per tick of the sysfs I/O for 2 motors, 1 touch sensor and the battery (reads: 3 per
 * motor, 1 touch, 2 battery; writes: command and changed set points), against the fake tree on
 * tmpfs or disk. A measured loop, not a test: run it by hand, e.g.
 * {@code java -cp <robot test classpath> org.ev3cortex.robot.bench.SysfsTickTiming [ticks]}.
 * On a real brick sysfs is kernel memory, so the absolute figure differs; the count of syscalls
 * per tick (9 preads, and 2-4 writes) does not.
 */
public final class SysfsTickTiming {
    private SysfsTickTiming() {}

    public static void main(String[] args) throws Exception {
        int ticks = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path root = Files.createTempDirectory("ev3-timing");
        try (FakeEv3Tree tree = new FakeEv3Tree(root)) {
            tree.addMotor("outB", "lego-ev3-l-motor");
            tree.addMotor("outC", "lego-ev3-l-motor");
            tree.addSensor("in1", "lego-ev3-touch");
            tree.start(5);
            org.ev3cortex.config.Config c = org.ev3cortex.agent.AgentSchema.defaults()
                    .with(org.ev3cortex.body.Ev3Keys.SYSFS_ROOT, root.toString())
                    .with(org.ev3cortex.body.Ev3Keys.CAMERA_ENABLED, false)
                    .with(org.ev3cortex.body.Ev3Keys.MIC_ENABLED, false)
                    .with(org.ev3cortex.body.Ev3Keys.STATS_ENABLED, false);
            try (Ev3Body body = Ev3Body.open(c)) {
                MotorState s = new MotorState(2);
                for (int round = 0; round < 3; round++) {
                    long readNanos = 0;
                    long writeNanos = 0;
                    for (int t = 0; t < ticks; t++) {
                        long t0 = System.nanoTime();
                        body.motors().read(s);
                        body.touch().pressed(0);
                        body.battery().voltageV();
                        body.battery().currentA();
                        long t1 = System.nanoTime();
                        int speed = (t % 50) * 10;
                        body.motors().runForever(0, speed);
                        if (t % 100 == 99) body.motors().stop(1, StopAction.COAST);
                        else body.motors().runForever(1, -speed);
                        writeNanos += System.nanoTime() - t1;
                        readNanos += t1 - t0;
                    }
                    System.out.printf("round %d: %d ticks, read %.2f us/tick, write %.2f us/tick, total %.2f us/tick%n",
                            round, ticks, readNanos / 1e3 / ticks, writeNanos / 1e3 / ticks,
                            (readNanos + writeNanos) / 1e3 / ticks);
                }
                // Baseline: the same 8 reads, reopening each file per read (ev3dev-lang-java's way).
                Path[] files = {
                        root.resolve("tacho-motor/motor0/position"), root.resolve("tacho-motor/motor0/speed"),
                        root.resolve("tacho-motor/motor0/state"), root.resolve("tacho-motor/motor1/position"),
                        root.resolve("tacho-motor/motor1/speed"), root.resolve("tacho-motor/motor1/state"),
                        root.resolve("lego-sensor/sensor0/value0"),
                        root.resolve("power_supply/lego-ev3-battery/voltage_now")};
                long t0 = System.nanoTime();
                long sum = 0;
                for (int t = 0; t < ticks; t++) {
                    for (Path f : files) sum += Files.readAllBytes(f).length;
                }
                System.out.printf("baseline (open+read+close per attribute): read %.2f us/tick (%d)%n",
                        (System.nanoTime() - t0) / 1e3 / ticks, sum % 7);
            }
        }
    }
}
