package org.ev3cortex.sim.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ev3cortex.sim.SimMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code replay}: a 60 s simulator recording replays bit for bit; replayed with a learning rate
 * changed, it departs at the first tick where a run made with that rate from the start departs
 * (the worlds are the same until the commands differ, so that run is the oracle).
 */
class ReplayTest {
    @TempDir
    Path dir;

    /**
     * The learned M1 blended into the wheels, so that what the sheet computes steers within a
     * minute (by default nothing it computes reaches them: orienting follows V1's light, not the
     * sheet's surprise). M1's premotor read-out reads the sheet's pooled context, each pool's
     * activity around the sheet's running mean: a changed rate of that mean changes the commands.
     */
    static final String STEER = "m1.cortex.weight=1";
    static final String RATE = "cortex.stats.meanRate=0.05";

    static final class Result {
        int exit;
        String out;
    }

    static Result sim(String... args) {
        CommandLine cl = SimMain.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(out, true));
        Result r = new Result();
        r.exit = cl.execute(args);
        r.out = out.toString().trim();
        return r;
    }

    @Test
    void aMinuteOfSimulatorReplaysBitForBitAndAChangedLearningRateDepartsWhereItsOwnRunDoes() throws Exception {
        Path base = McapNodeTest.record(dir, "base.mcap", 60, STEER);
        Path changed = McapNodeTest.record(dir, "changed.mcap", 60, STEER, RATE);

        Result same = sim("replay", base.toString());
        assertThat(same.out).isEqualTo("replayed 600 ticks of " + base + ": every tick's commands match the recording");
        assertThat(same.exit).isZero();

        int oracle = firstDifference(McapReader.read(base).topic("/commands"), McapReader.read(changed).topic("/commands"));
        assertThat(oracle).as("the two runs' commands differ within the minute").isBetween(1, 599);

        Result departs = sim("replay", base.toString(), "--set", RATE);
        System.out.println("replay with " + RATE + ": " + departs.out + " (own run departs at tick " + oracle + ")");
        assertThat(departs.exit).isEqualTo(ReplayCommand.EXIT_DEPARTS);
        assertThat(departs.out).startsWith("replay departs at tick " + oracle + " (")
                .containsPattern("motor [01] \\(out[BC]\\) recorded run-forever at -?\\d+ counts/s issued at tick "
                        + oracle + ", replayed ");
    }

    private static int firstDifference(List<McapReader.Message> a, List<McapReader.Message> b) {
        for (int t = 0; t < Math.min(a.size(), b.size()); t++) {
            Map<String, Object> x = a.get(t).json();
            Map<String, Object> y = b.get(t).json();
            x.remove("timestamp");
            y.remove("timestamp");
            if (!x.equals(y)) return t;
        }
        return -1;
    }

    @Test
    void aConfigChangeIsRecordedWithItsVerdictAndReplayedAtItsTick() throws Exception {
        java.util.List<org.ev3cortex.config.ConfigOverride> o = new java.util.ArrayList<>();
        o.add(new org.ev3cortex.config.ConfigOverride("sim.hostStats", "false", "test"));
        o.add(new org.ev3cortex.config.ConfigOverride("record.whenBehind", "wait", "test"));
        for (org.ev3cortex.config.Key<Integer> k : org.ev3cortex.status.StatusKeys.RECORD_RATES) {
            o.add(new org.ev3cortex.config.ConfigOverride(k.name(), "1", "test"));
        }
        org.ev3cortex.config.Config c = new org.ev3cortex.config.ConfigLoader(org.ev3cortex.sim.SimKeys.schema())
                .load(List.of(), o);
        org.ev3cortex.config.Config slower = c.with(org.ev3cortex.ganglia.GangliaKeys.CRUISE_SPEED, 300);
        Path file = dir.resolve("reload.mcap");
        try (org.ev3cortex.agent.Agent agent = new org.ev3cortex.agent.Agent(
                new org.ev3cortex.sim.body.SimBody(c), c, List.of())) {
            org.ev3cortex.record.Recorder rec = org.ev3cortex.agent.Recording.start(agent, file);
            agent.loop().addObserver((tick, s, m) -> {
                if (tick == 89) agent.loop().submitConfig(slower); // applied before tick 90, while cruising
            });
            agent.loop().runTicks(200);
            rec.close();
        }
        List<McapReader.Message> configs = McapReader.read(file).topic("/config");
        assertThat(configs).hasSize(2);
        Map<String, Object> applied = configs.get(1).json();
        assertThat(applied).containsEntry("tick", 90L).containsEntry("status", "APPLIED")
                .containsEntry("verdict_tick", 90L).containsEntry("config_changed", true);
        assertThat(org.ev3cortex.sim.record.JsonIn.object(applied.get("values")))
                .containsEntry("m1.cruiseSpeedCountsPerSec", "300");

        // The cruise speed shows in the very next commands: replay matches only if it applies the
        // change at tick 90, neither earlier nor later.
        Result r = sim("replay", file.toString());
        assertThat(r.out).isEqualTo("replayed 200 ticks of " + file + ": every tick's commands match the recording");
        assertThat(r.exit).isZero();
        // Held at the old speed (a --set overrides the recorded change too), it departs at tick 90.
        Result held = sim("replay", file.toString(), "--set", "m1.cruiseSpeedCountsPerSec=450");
        assertThat(held.out).startsWith("replay departs at tick 90 (");
        assertThat(held.exit).isEqualTo(ReplayCommand.EXIT_DEPARTS);
    }

    @Test
    void aRecordingWithoutEveryTicksSensesIsRefusedWithOneLine() throws Exception {
        Path file = McapNodeTest.record(dir, "brick-rates.mcap", 5, "record.camera.everyTicks=100",
                "record.state.everyTicks=2", "record.audio.everyTicks=10");
        Result r = sim("replay", file.toString());
        assertThat(r.exit).isEqualTo(2);
        assertThat(r.out).doesNotContain("\n").startsWith("error: " + file + " cannot be replayed: it must hold every tick's")
                .contains("/body jumps to tick 2 where tick 1 was expected (record.state.everyTicks=2");
    }
}
