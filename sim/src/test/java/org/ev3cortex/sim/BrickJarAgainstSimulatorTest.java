package org.ev3cortex.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ev3cortex.body.MotorState;
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
        Path jar = ServeEv3Fixture.brickJar();
        ServeEv3Fixture fixture = ServeEv3Fixture.start(root, "sim.robot.x=0.6", "sim.robot.y=0.6", "sim.robot.headingDeg=30");
        ServeEv3Command server = fixture.server;
        long deadline = System.nanoTime() + 20_000_000_000L;

        Path log = root.resolve("brick.log");
        Process brick = new ProcessBuilder(ServeEv3Fixture.brickCommand(jar, root, "24m"))
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
            fixture.close();
        }
    }

    private static String read(Path p) throws java.io.IOException {
        return Files.exists(p) ? new String(Files.readAllBytes(p), StandardCharsets.UTF_8) : "";
    }

}
