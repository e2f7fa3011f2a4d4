package org.ev3cortex.robot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicInteger;
import org.ev3cortex.robot.fake.FakeEv3Tree;
import org.ev3cortex.robot.fake.FakeMotor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The back button, as a fake gpio-keys device in the test tree, stops the agent with the motors stopped. */
class BackButtonTest {
    @TempDir Path root;

    /** One Linux input_event for this JVM's word size (as the kernel of this machine writes it). */
    static byte[] event(int type, int code, int value) {
        int word = "32".equals(System.getProperty("sun.arch.data.model")) ? 4 : 8;
        ByteBuffer b = ByteBuffer.allocate(2 * word + 8).order(ByteOrder.LITTLE_ENDIAN);
        if (word == 4) b.putInt(1_700_000_000).putInt(123_456); else b.putLong(1_700_000_000L).putLong(123_456L);
        b.putShort((short) type).putShort((short) code).putInt(value);
        return b.array();
    }

    private static void append(Path device, byte[]... events) throws Exception {
        for (byte[] e : events) Files.write(device, e, StandardOpenOption.APPEND);
    }

    @Test
    void pressingBackStopsTheAgentAndLeavesTheMotorsStopped() throws Exception {
        Path device = Files.createDirectories(root.resolve("dev/input/by-path")).resolve("platform-gpio_keys-event");
        Files.write(device, new byte[0]);
        Path sys = root.resolve("sys");
        try (FakeEv3Tree tree = new FakeEv3Tree(Files.createDirectories(sys))) {
            FakeMotor left = tree.addMotor("outB", "lego-ev3-l-motor");
            FakeMotor right = tree.addMotor("outC", "lego-ev3-l-motor");
            tree.addSensor("in1", "lego-ev3-touch");
            tree.setBattery(8_000_000, 200_000);
            tree.start(2);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            AtomicInteger code = new AtomicInteger(-1);
            Thread agent = new Thread(() -> code.set(BrickMain.run(new String[] {
                "--set", "ev3.sysfs.root=" + sys, "--set", "ev3.buttons.device=" + device,
                "--set", "ev3.camera.enabled=false", "--set", "ev3.mic.enabled=false",
                "--set", "ev3.stats.enabled=false", "--set", "ev3.deviceTimeoutMs=2000"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8))),
                "brick-main");
            agent.start();
            try {
                TestBodies.await("the agent drives both motors", () -> left.running() && right.running());
                // Other keys, and the back button's release and auto-repeat, do nothing.
                append(device, event(BackButton.EV_KEY, 28, 1), event(BackButton.EV_KEY, 28, 0),
                        event(0, 0, 0), event(BackButton.EV_KEY, BackButton.KEY_BACKSPACE, 0),
                        event(BackButton.EV_KEY, BackButton.KEY_BACKSPACE, 2));
                Thread.sleep(300);
                assertThat(agent.isAlive()).as("still running after other keys").isTrue();
                assertThat(left.running() && right.running()).isTrue();

                append(device, event(BackButton.EV_KEY, BackButton.KEY_BACKSPACE, 1), event(0, 0, 0));
                agent.join(10_000);
                assertThat(agent.isAlive()).as("the agent stopped").isFalse();
            } finally {
                if (agent.isAlive()) agent.interrupt();
            }
            assertThat(code.get()).as(out.toString(StandardCharsets.UTF_8)).isZero();
            Thread.sleep(50); // a few emulator steps: nothing restarts the motors
            assertThat(left.running()).isFalse();
            assertThat(right.running()).isFalse();
            assertThat(left.applied()).last().asString().startsWith("stop@");
            assertThat(right.applied()).last().asString().startsWith("stop@");
            assertThat(tree.led("led0:green:brick-status")).as("LEDs off: stopped cleanly").isZero();
            assertThat(tree.led("led0:red:brick-status")).isZero();
        }
    }
}
