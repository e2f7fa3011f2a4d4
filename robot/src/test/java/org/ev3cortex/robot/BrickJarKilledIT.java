package org.ev3cortex.robot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ev3cortex.robot.fake.FakeEv3Tree;
import org.ev3cortex.robot.fake.FakeMotor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A brick JVM that dies hard (SIGKILL: no shutdown hook runs) must not leave its motors running.
 * The body drives with {@code run-timed} and a {@code time_sp} just above the motor expiry, so
 * the (fake) kernel stops the motors by itself once the commands end.
 */
class BrickJarKilledIT {
    @TempDir Path root;

    @Test
    void sigkilledBrickLeavesNoMotorRunningBeyondTheDeadMan() throws Exception {
        Path jar = Paths.get(System.getProperty("ev3cortex.brickJar", "target/ev3cortex-robot.jar"));
        assumeTrue(Files.exists(jar), "brick jar not built: " + jar);
        int expiryMs = 150;
        int deadManMs = expiryMs + 100;
        try (FakeEv3Tree tree = new FakeEv3Tree(root.resolve("sys"))) {
            FakeMotor right = tree.addMotor("outC", "lego-ev3-l-motor");
            FakeMotor left = tree.addMotor("outB", "lego-ev3-l-motor");
            tree.addSensor("in1", "lego-ev3-touch");
            tree.start(2);
            List<String> cmd = List.of(
                    Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx24m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-jar", jar.toString(),
                    "--set", "ev3.sysfs.root=" + root.resolve("sys"),
                    "--set", "body.motorPorts=outB,outC",
                    "--set", "body.touchPorts=in1",
                    "--set", "agent.periodMs=20",
                    "--set", "safety.motorExpiryMs=" + expiryMs,
                    "--set", "ev3.camera.enabled=false",
                    "--set", "ev3.mic.enabled=false",
                    "--set", "ev3.stats.enabled=false");
            Path logFile = root.resolve("brick.log");
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
            try {
                long deadline = System.nanoTime() + 60_000_000_000L;
                // Wait until the agent drives a motor under the dead-man, and kill it mid-run.
                while (System.nanoTime() < deadline && !(running(left) || running(right))) Thread.sleep(5);
                String log = new String(Files.readAllBytes(logFile), StandardCharsets.UTF_8);
                assertThat(running(left) || running(right)).as("the agent drove a motor; log:\n" + log).isTrue();
                p.destroyForcibly(); // SIGKILL: no hook, no stop command
                assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
                long killed = System.nanoTime();
                // At least expiry + 100 ms; longer if the agent's ticks ran late on a loaded machine.
                int timeSp = Integer.parseInt(left.read("time_sp"));
                assertThat(timeSp).isGreaterThanOrEqualTo(deadManMs);
                assertThat(p.exitValue()).isEqualTo(137);
                while (System.nanoTime() - killed < 3_000_000_000L && (left.running() || right.running())) Thread.sleep(2);
                long stoppedAfterMs = (System.nanoTime() - killed) / 1_000_000;
                assertThat(left.running() || right.running())
                        .as("motors still running 3 s after SIGKILL: left " + left.applied() + " right " + right.applied())
                        .isFalse();
                // The last command the dead JVM issued was run-timed; the kernel's timer ended it.
                assertThat(stoppedAfterMs).as("stopped within the dead-man time").isLessThanOrEqualTo(timeSp + 50);
                System.out.println("motors stopped " + stoppedAfterMs + " ms after SIGKILL (dead-man " + deadManMs + " ms)");
            } finally {
                p.destroyForcibly();
            }
        }
    }

    private static boolean running(FakeMotor m) {
        List<String> a = m.applied();
        return m.running() && !a.isEmpty() && (a.get(a.size() - 1).startsWith("run-timed") || a.get(a.size() - 1).startsWith("run-forever"));
    }
}
