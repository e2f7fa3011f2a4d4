package org.ev3cortex.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.ev3cortex.agent.Agent;
import org.ev3cortex.config.Config;
import org.ev3cortex.cortex.Sheet;
import org.ev3cortex.sim.body.SimBody;
import org.junit.jupiter.api.Test;

/**
 * The same seed and config give the same run bit for bit, whether or not something watches it:
 * here an observer that copies the snapshot's frame, audio and the sheet's maps every tick, as a
 * recorder or the viewer does. With the defaults: the Insula's system statistics come from the
 * simulated brick's seeded model ({@code sim.hostStats} is an opt-in), so they are part of the run.
 */
class DeterminismTest {

    private static float[][] run(boolean observed) throws Exception {
        Config c = ScenarioTest.config("sim.seed=7");
        SimBody body = new SimBody(c);
        try (Agent agent = new Agent(body, c, List.of())) {
            List<byte[]> frames = new ArrayList<>();
            List<float[]> maps = new ArrayList<>();
            if (observed) {
                Sheet sheet = agent.sheet();
                agent.loop().addObserver((tick, s, cmd) -> {
                    frames.add(s.frame.clone());
                    maps.add(sheet.prediction().clone());
                    maps.add(s.audio.length > 0 ? new float[] {s.audio[0]} : new float[0]);
                });
            }
            agent.loop().runTicks(1_500);
            Sheet sheet = agent.sheet();
            float[] pose = {(float) body.world().x(), (float) body.world().y(), body.world().collisions()};
            if (observed) assertThat(frames).hasSize(1_500);
            return new float[][] {sheet.prediction().clone(), sheet.areaSurprise().clone(), sheet.activity().clone(), pose};
        }
    }

    @Test
    void aRecordingObserverChangesNothing() throws Exception {
        float[][] quiet = run(false);
        float[][] watched = run(true);
        for (int i = 0; i < quiet.length; i++) assertThat(watched[i]).containsExactly(quiet[i]);
        // The Insula's units (battery, current, CPU, memory, temperature, processes) moved: the
        // statistics reached the sheet, and still the two runs agree.
        org.ev3cortex.cortex.Area insula = new Sheet(ScenarioTest.config("sim.seed=7")).area(org.ev3cortex.cortex.Area.INSULA);
        float[] activity = quiet[2];
        assertThat(activity[insula.start() + org.ev3cortex.insula.Insula.CPU]).isBetween(0.3f, 0.8f);
        assertThat(activity[insula.start() + org.ev3cortex.insula.Insula.MEMORY]).isBetween(0.4f, 0.6f);
    }

    /** The simulated brick's statistics: one sample per simulated second, the same for a seed, not for another. */
    @Test
    void theSimulatedStatisticsAreSeeded() throws Exception {
        double[][] a = stats(7);
        double[][] b = stats(7);
        double[][] c = stats(8);
        for (int t = 0; t < a.length; t++) assertThat(a[t]).containsExactly(b[t]);
        assertThat(a[25][org.ev3cortex.body.SystemStats.CPU_LOAD]).isNotEqualTo(c[25][org.ev3cortex.body.SystemStats.CPU_LOAD]);
        // One sample per simulated second: over 40 ticks of 100 ms, a new value 3 or 4 times.
        int changes = 0;
        for (int t = 1; t < a.length; t++) {
            if (a[t - 1] != null && !java.util.Arrays.equals(a[t - 1], a[t])) changes++;
        }
        assertThat(changes).isBetween(3, 4);
        assertThat(a[5][org.ev3cortex.body.SystemStats.MEMORY_TOTAL_BYTES]).isEqualTo(64.0 * (1 << 20));
    }

    private static double[][] stats(int seed) throws Exception {
        Config c = ScenarioTest.config("sim.seed=" + seed);
        SimBody body = new SimBody(c);
        try (Agent agent = new Agent(body, c, List.of())) {
            double[][] out = new double[40][];
            agent.loop().addObserver((tick, s, cmd) -> out[(int) tick] = s.stats.clone());
            agent.loop().runTicks(40);
            return out;
        }
    }
}
