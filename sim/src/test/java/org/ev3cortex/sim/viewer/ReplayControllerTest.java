package org.ev3cortex.sim.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.ev3cortex.sim.SimMain;
import org.ev3cortex.sim.record.McapReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The viewer's replay of a recording (pause, step, step back, seek, play at a speed), checked
 * against the recording's own messages: after each move the model holds the messages of the tick
 * it should be at.
 */
class ReplayControllerTest {
    @TempDir
    static Path dir;
    static McapReader.Recording rec;

    @BeforeAll
    static void record() throws Exception {
        Path file = dir.resolve("ten.mcap");
        CommandLine cl = SimMain.commandLine();
        cl.setOut(new PrintWriter(new ByteArrayOutputStream(), true));
        assertThat(cl.execute("run", "--headless", "--seconds", "10", "--seed", "3", "--record", file.toString(),
                "--set", "sim.hostStats=false")).isZero();
        rec = McapReader.read(file);
    }

    /** The recording's message of {@code topic} at {@code tick}. */
    private static Map<String, Object> at(String topic, long tick) {
        for (McapReader.Message m : rec.topic(topic)) {
            Map<String, Object> j = m.json();
            if (((Number) j.get("tick")).longValue() == tick) return j;
        }
        throw new AssertionError(topic + " has no tick " + tick);
    }

    private static void assertAtTick(TelemetryModel model, long tick) {
        assertThat(model.lastTick()).isEqualTo(tick);
        for (String t : List.of("/body", "/surprise", "/commands", "/timings")) {
            assertThat(model.last(t)).as(t + " at tick " + tick).isEqualTo(at(t, tick));
        }
        byte[] frame = Base64.getDecoder().decode((String) at("/camera", tick).get("data"));
        assertThat(model.frame()).as("the frame of tick " + tick).isEqualTo(frame);
        assertThat(model.frameTick()).isEqualTo(tick);
    }

    @Test
    void stepStepBackSeekAndPlayLandOnTheTicksOfTheRecording() {
        TelemetryModel model = new TelemetryModel();
        ReplayController r = new ReplayController(rec, model);
        assertThat(r.size()).isEqualTo(rec.messages.values().stream().mapToInt(List::size).sum());
        assertThat(model.lastTick()).isEqualTo(-1);

        r.step();
        assertAtTick(model, 0);
        assertThat(model.last("/config")).isNotNull();
        r.step();
        r.step();
        assertAtTick(model, 2);
        r.stepBack();
        assertAtTick(model, 1);
        assertThat(model.series("V1_L")).hasSize(2); // rebuilt from the start: ticks 0 and 1

        r.seek(1);
        assertAtTick(model, 99);
        assertThat(r.atEnd()).isTrue();
        r.seek(0.5); // log times are tick * 100 ms apart: half of 9.9 s is 4.95 s, tick 49
        assertAtTick(model, 49);
        assertThat(model.series("V1_L")).hasSize(50);
        assertThat(model.series("V1_L")[49]).isEqualTo(((Number) at("/surprise", 49).get("V1_L")).doubleValue());

        // Play: 100 ms of wall time at x1 is one tick, at x10 ten; paused, nothing.
        r.play();
        r.advance(100_000_000L);
        assertAtTick(model, 50);
        r.speed(10);
        r.advance(100_000_000L);
        assertAtTick(model, 60);
        r.pause();
        r.advance(1_000_000_000L);
        assertAtTick(model, 60);
        r.toggle();
        r.advance(60_000_000_000L);
        assertAtTick(model, 99);
        assertThat(r.playing()).as("stops at the end").isFalse();
        r.seek(0);
        assertAtTick(model, 0);
    }
}
