package org.ev3cortex.sim.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a recording agent: a child JVM runs the simulator with {@code --record}; once
 * it has recorded for a few seconds it gets SIGKILL. Foxglove's stream reader must read the file,
 * and the newest tick in it must be at most 1 s older (wall clock) than the kill.
 */
@Tag("node")
class RecordKillTest {
    @TempDir
    Path dir;

    @Test
    void aKilledRecorderLeavesAFileReadableUpToOneSecondBeforeTheKill() throws Exception {
        NodeMcap.assumeAvailable();
        Path file = dir.resolve("killed.mcap");
        Path args = dir.resolve("java.args");
        // The test classpath in an argument file: it is too long for some command lines.
        Files.write(args, List.of("-cp", '"' + System.getProperty("java.class.path").replace("\\", "\\\\") + '"'),
                StandardCharsets.UTF_8);
        Process child = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "@" + args, "org.ev3cortex.sim.SimMain", "run", "--headless", "--seconds", "1000000",
                "--seed", "7", "--record", file.toString(), "--set", "sim.hostStats=false",
                // Fewer frames and no rotation, so one file of a few tens of MB holds the whole run.
                "--set", "record.camera.everyTicks=10", "--set", "record.audio.everyTicks=10",
                "--set", "record.rotateMb=100000",
                // Chunks big enough that only the record.flushMs timer closes them.
                "--set", "record.chunkKb=65536")
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        long killMs;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!(Files.exists(file) && Files.size(file) > 1_000_000)) {
                assertThat(child.isAlive()).as("the child runs: " + log()).isTrue();
                assertThat(System.nanoTime()).as("the child starts recording within 60 s").isLessThan(deadline);
                Thread.sleep(50);
            }
            Thread.sleep(3_000);
            assertThat(child.isAlive()).as(log()).isTrue();
            killMs = System.currentTimeMillis();
            child.destroyForcibly(); // SIGKILL on Linux: no hook, no flush, no footer
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(child.exitValue()).isEqualTo(137);

        Map<String, Object> r = NodeMcap.read(file, "stream");
        assertThat(r.get("footer")).as("no footer: the process was killed").isEqualTo(false);
        for (String t : McapNodeTest.TOPICS) {
            assertThat(NodeMcap.count(r, t)).as(t).isPositive();
            assertThat(NodeMcap.channel(r, t).get("jsonErrors")).as(t).isEqualTo(0L);
        }
        long newest = ((Number) r.get("maxWallMs")).longValue();
        System.out.printf("kill -9: newest recorded tick %d ms before the kill, %s messages readable%n",
                killMs - newest, r.get("messageCount"));
        assertThat(killMs - newest).as("ms between the newest readable tick and the kill").isBetween(0L, 1_000L);

        // Replay and export refuse it with one line, as they need a finished file.
        assertThatThrownBy(() -> McapReader.read(file)).isInstanceOf(BadRecordingException.class)
                .hasMessageContaining("truncated at byte").hasMessageContaining("cut off before its footer");
    }

    private String log() {
        try {
            return new String(Files.readAllBytes(dir.resolve("child.log")), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "(no log)";
        }
    }
}
