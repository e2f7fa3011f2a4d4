package org.ev3cortex.sim.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
        Path jar = org.ev3cortex.sim.ServeEv3Fixture.brickJar();
        org.ev3cortex.sim.ServeEv3Fixture fixture = org.ev3cortex.sim.ServeEv3Fixture.start(root,
                "sim.robot.x=0.6", "sim.robot.y=0.6", "sim.robot.headingDeg=30");
        long deadline = System.nanoTime() + 20_000_000_000L;

        Path log = root.resolve("brick.log");
        Path file = root.resolve("brick.mcap");
        Process brick = new ProcessBuilder(org.ev3cortex.sim.ServeEv3Fixture.brickCommand(jar, root, "48m",
                "--record", file.toString(),
                "--set", "record.camera.everyTicks=1", "--set", "record.audio.everyTicks=1",
                "--set", "record.state.everyTicks=1", "--set", "record.whenBehind=wait"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            while (!read(log).contains("first tick") && System.nanoTime() < deadline && brick.isAlive()) Thread.sleep(20);
            assertThat(read(log)).as("brick log").contains("first tick");
            Thread.sleep(3_000); // ~150 ticks at 20 ms
            brick.destroy(); // SIGTERM: the recorder finishes the file before the agent closes
            assertThat(brick.waitFor(20, TimeUnit.SECONDS)).isTrue();
        } finally {
            brick.destroyForcibly();
            fixture.close();
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
