package org.ev3cortex.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ev3cortex.body.MotorState;
import org.ev3cortex.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unchanged brick jar, as a separate process, drives the simulated robot through the ev3dev
 * sysfs tree and camera/mic FIFOs that serve-ev3 exposes; SIGTERM to the brick leaves the
 * simulated motors stopped.
 */
@EnabledOnOs(OS.LINUX)
class BrickJarAgainstSimulatorTest {
    @TempDir
    Path root;

    @Test
    void theBrickJarDrivesTheSimulatedRobotAndSigtermStopsItsMotors() throws Exception {
        Path jar = Paths.get(System.getProperty("ev3cortex.repoRoot", ".."), "robot", "target", "ev3cortex-robot.jar");
        assumeTrue(Files.exists(jar), "the brick jar is built by the robot module before sim's tests: " + jar);
        Config config = ScenarioTest.config("sim.robot.x=0.6", "sim.robot.y=0.6", "sim.robot.headingDeg=30");
        ServeEv3Command server = new ServeEv3Command();
        Thread serving = new Thread(() -> {
            try {
                ServeEv3Command.serve(config, root, 0, server);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        }, "serve-ev3");
        serving.start();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (server.body() == null && System.nanoTime() < deadline) Thread.sleep(20);
        assertThat(server.body()).as("serve-ev3 started").isNotNull();

        Path log = root.resolve("brick.log");
        Process brick = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx24m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
                "--set", "ev3.sysfs.root=" + root.resolve("sys"),
                "--set", "ev3.camera.command=cat " + root.resolve("camera.yuyv"),
                "--set", "ev3.mic.command=cat " + root.resolve("mic.s16"),
                "--set", "ev3.stats.enabled=false",
                "--set", "agent.periodMs=20", "--set", "safety.motorExpiryMs=100")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            while (!read(log).contains("first tick") && System.nanoTime() < deadline && brick.isAlive()) Thread.sleep(20);
            assertThat(read(log)).as("brick log").contains("first tick");
            Thread.sleep(3_000); // ~150 ticks at 20 ms
            double travelled = server.body().world().distanceM();
            assertThat(travelled).as("the simulated robot moved under the brick jar's commands").isGreaterThan(0.2);

            brick.destroy(); // SIGTERM
            assertThat(brick.waitFor(20, TimeUnit.SECONDS)).isTrue();
            String text = read(log);
            Matcher m = Pattern.compile("(\\d+) ticks, (\\d+) overruns").matcher(text);
            assertThat(m.find()).as(text).isTrue();
            assertThat(Long.parseLong(m.group(1))).as(text).isGreaterThanOrEqualTo(100);

            // The brick's last commands were stops: the simulated motors are not running and
            // their wheels come to rest.
            Thread.sleep(1_000);
            MotorState s = new MotorState(2);
            server.body().motors().read(s);
            assertThat(s.has(0, MotorState.RUNNING)).isFalse();
            assertThat(s.has(1, MotorState.RUNNING)).isFalse();
            assertThat(Math.abs(s.speedCountsPerSec[0])).isLessThan(5);
            assertThat(Math.abs(s.speedCountsPerSec[1])).isLessThan(5);
            System.out.printf("brick jar against serve-ev3: %s ticks, robot travelled %.2f m%n", m.group(1), travelled);
        } finally {
            brick.destroyForcibly();
            server.stop();
            serving.join(10_000);
        }
    }

    private static String read(Path p) throws java.io.IOException {
        return Files.exists(p) ? new String(Files.readAllBytes(p), StandardCharsets.UTF_8) : "";
    }

}
