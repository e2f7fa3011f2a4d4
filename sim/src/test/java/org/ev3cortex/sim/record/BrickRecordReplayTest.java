package org.ev3cortex.sim.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.ev3cortex.config.Config;
import org.ev3cortex.sim.ServeEv3Command;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unchanged brick jar records with {@code --record} while it drives the simulated robot
 * through serve-ev3's ev3dev tree (real clock, camera and microphone through FIFOs); after
 * SIGTERM the file is finished, and the desktop replays it tick for tick.
 */
@EnabledOnOs(OS.LINUX)
class BrickRecordReplayTest {
    @TempDir
    Path root;

    @Test
    void aBrickJarRecordingMadeAgainstServeEv3ReplaysOnTheDesktop() throws Exception {
        Path jar = Paths.get(System.getProperty("ev3cortex.repoRoot", ".."), "robot", "target", "ev3cortex-robot.jar");
        assumeTrue(Files.exists(jar), "the brick jar is built by the robot module before sim's tests: " + jar);
        Config config = new org.ev3cortex.config.ConfigLoader(org.ev3cortex.sim.SimKeys.schema()).load(java.util.List.of(),
                java.util.List.of(new org.ev3cortex.config.ConfigOverride("sim.hostStats", "false", "test"),
                        new org.ev3cortex.config.ConfigOverride("sim.robot.x", "0.6", "test"),
                        new org.ev3cortex.config.ConfigOverride("sim.robot.y", "0.6", "test"),
                        new org.ev3cortex.config.ConfigOverride("sim.robot.headingDeg", "30", "test")));
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
        Path file = root.resolve("brick.mcap");
        Process brick = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx48m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
                "--set", "ev3.sysfs.root=" + root.resolve("sys"),
                "--set", "ev3.camera.command=cat " + root.resolve("camera.yuyv"),
                "--set", "ev3.mic.command=cat " + root.resolve("mic.s16"),
                "--set", "ev3.stats.enabled=false",
                "--set", "agent.periodMs=20", "--set", "safety.motorExpiryMs=100",
                "--record", file.toString(),
                "--set", "record.camera.everyTicks=1", "--set", "record.audio.everyTicks=1",
                "--set", "record.state.everyTicks=1", "--set", "record.whenBehind=wait")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            while (!read(log).contains("first tick") && System.nanoTime() < deadline && brick.isAlive()) Thread.sleep(20);
            assertThat(read(log)).as("brick log").contains("first tick");
            Thread.sleep(3_000); // ~150 ticks at 20 ms
            brick.destroy(); // SIGTERM: the recorder finishes the file before the agent closes
            assertThat(brick.waitFor(20, TimeUnit.SECONDS)).isTrue();
        } finally {
            brick.destroyForcibly();
            server.stop();
            serving.join(10_000);
        }
        assertThat(read(log)).contains("recording ended");
        McapReader.Recording rec = McapReader.read(file);
        int ticks = rec.topic("/commands").size();
        assertThat(ticks).isGreaterThanOrEqualTo(100);
        assertThat(rec.topic("/camera")).hasSize(ticks);

        ReplayTest.Result r = ReplayTest.sim("replay", file.toString());
        System.out.println("brick jar recording: " + ticks + " ticks, " + Files.size(file) + " bytes; " + r.out);
        assertThat(r.out).isEqualTo("replayed " + ticks + " ticks of " + file + ": every tick's commands match the recording");
        assertThat(r.exit).isZero();
    }

    private static String read(Path p) throws java.io.IOException {
        return Files.exists(p) ? new String(Files.readAllBytes(p), StandardCharsets.UTF_8) : "";
    }
}
