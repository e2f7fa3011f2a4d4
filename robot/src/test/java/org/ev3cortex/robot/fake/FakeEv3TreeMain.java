package org.ev3cortex.robot.fake;

import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Serves a fake ev3dev tree until killed, for running the brick jar by hand:
 * {@code java -cp robot/target/test-classes:... org.ev3cortex.robot.fake.FakeEv3TreeMain DIR}
 * creates two large motors at outB and outC, a touch sensor at in1, the battery and the LEDs.
 * The simulator's {@code serve-ev3} is this with the simulated world behind the motors.
 */
public final class FakeEv3TreeMain {
    private FakeEv3TreeMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: FakeEv3TreeMain DIR");
            System.exit(2);
        }
        Path root = Paths.get(args[0]);
        FakeEv3Tree tree = new FakeEv3Tree(root);
        tree.addMotor("outC", "lego-ev3-l-motor");
        tree.addMotor("outB", "lego-ev3-l-motor");
        tree.addSensor("in1", "lego-ev3-touch");
        tree.start(2);
        Runtime.getRuntime().addShutdownHook(new Thread(tree::close));
        System.out.println("fake ev3dev tree ready under " + root);
        Thread.currentThread().join();
    }
}
