package org.ev3cortex.robot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ev3cortex.robot.TestBodies.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;
import org.ev3cortex.body.MotorState;
import org.ev3cortex.body.StopAction;
import org.ev3cortex.robot.fake.FakeEv3Tree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After start-up a tick opens no file: the fd count is the same after 1,000 ticks. */
class OpenFilesTest {
    @TempDir Path root;

    static long openFds() throws IOException {
        try (Stream<Path> s = Files.list(Paths.get("/proc/self/fd"))) {
            return s.count();
        }
    }

    /** Open files of this process inside the fake tree: the driver's, and the emulator's own. */
    long treeFds() throws IOException {
        long n = 0;
        try (Stream<Path> s = Files.list(Paths.get("/proc/self/fd"))) {
            for (Path fd : (Iterable<Path>) s::iterator) {
                try {
                    Path target = Files.readSymbolicLink(fd);
                    if (target.startsWith(root)) n++;
                } catch (IOException gone) {
                    // closed while we listed (the listing's own fd, or another thread's)
                }
            }
        }
        return n;
    }

    @Test
    void fdCountStaysConstantOver1000Ticks() throws Exception {
        try (FakeEv3Tree tree = new FakeEv3Tree(root)) {
            tree.addMotor("outB", "lego-ev3-l-motor");
            tree.addMotor("outC", "lego-ev3-l-motor");
            tree.addSensor("in1", "lego-ev3-touch");
            tree.start(2);
            long before = openFds();
            long treeBefore = treeFds();
            try (Ev3Body body = Ev3Body.open(config(root, "outB,outC", "in1"))) {
                long opened = openFds();
                long treeOpened = treeFds();
                MotorState s = new MotorState(2);
                long[] counts = new long[1000];
                for (int t = 0; t < 1000; t++) {
                    body.motors().read(s);
                    body.touch().pressed(0);
                    body.battery().voltageV();
                    body.battery().currentA();
                    int speed = (t % 50) * 10;
                    body.motors().runForever(0, speed);
                    if (t % 100 == 99) body.motors().stop(1, StopAction.COAST);
                    else body.motors().runForever(1, -speed);
                    counts[t] = treeFds();
                }
                long after = openFds();
                System.out.println("open fds in the tree: emulator " + treeBefore + ", with the body " + treeOpened
                        + ", over 1000 ticks min " + java.util.Arrays.stream(counts).min().getAsLong() + " max "
                        + java.util.Arrays.stream(counts).max().getAsLong() + "; whole process: " + before + " -> "
                        + opened + " -> " + after);
                assertThat(counts).containsOnly(treeOpened);
                // 2 motors x 8 (position speed state speed_sp position_sp time_sp stop_action command)
                // + touch (mode, value0..7) + battery (voltage_now, current_now) + 4 LED brightnesses.
                assertThat(treeOpened - treeBefore).isEqualTo(2 * 8 + 9 + 2 + 4);
                // The fake tree rewrites a file in place while the driver may be reading it, a race real
                // sysfs (which regenerates each read) does not have; seen once in a full suite run.
                assertThat(body.health().garbageCount()).as("last error: %s", body.health().lastError())
                        .isLessThanOrEqualTo(1);
            }
            assertThat(treeFds()).as("every attribute closed").isEqualTo(treeBefore);
        }
    }
}
