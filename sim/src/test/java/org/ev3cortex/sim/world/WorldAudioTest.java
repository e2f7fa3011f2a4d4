package org.ev3cortex.sim.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.ev3cortex.config.Config;
import org.ev3cortex.config.ConfigLoader;
import org.ev3cortex.config.ConfigOverride;
import org.ev3cortex.sim.SimKeys;
import org.junit.jupiter.api.Test;

/**
 * The world makes its microphone samples only when they are read. What is read must be what
 * making every sample as the world steps gives: here computed independently, step by step, from
 * the pose after each step, the sources' signals and the seed's noise stream, then compared with
 * reads of many sizes at many times (and with long stretches never read).
 */
class WorldAudioTest {
    private static final int RATE = World.AUDIO_RATE_HZ;

    private static Config config(String... sets) throws Exception {
        List<ConfigOverride> o = new java.util.ArrayList<>();
        for (String s : sets) o.add(ConfigOverride.parse(s, "test"));
        return new ConfigLoader(SimKeys.schema()).load(List.of(), o);
    }

    @Test
    void lazySamplesAreTheEagerOnes() throws Exception {
        check(config("sim.seed=11"), 3);
        check(config("sim.seed=5", "sim.world.sounds=tone 3.6 1.5 880 0.6 on=0.3 period=0.6; noise 0.5 0.5 0.3 on=0.2 period=0.7;"
                + " chirp 2 2.5 300 3000 0.5 on=0.4 period=1.1", "body.mic.ringFrames=1000", "sim.physics.stepMs=2"), 8);
        check(config("sim.seed=2", "sim.world.sounds="), 4);
    }

    private static void check(Config c, long readSeed) throws Exception {
        World w = new World(c);
        long seed = c.get(SimKeys.SEED);
        int ringFrames = c.get(org.ev3cortex.body.BodyKeys.MIC_RING_SAMPLES);
        long stepNanos = c.get(SimKeys.STEP_MS) * 1_000_000L;
        double earSpacing = c.get(SimKeys.EAR_SPACING_M);
        double micNoise = c.get(SimKeys.MIC_NOISE);
        // The noise: a table drawn from the seed, then one table index per sample, left then right.
        SplittableRandom random = new SplittableRandom(seed);
        double[] table = new double[1 << 16];
        for (int i = 0; i < table.length; i++) table[i] = random.nextGaussian();
        int index = 0;

        int seconds = 12;
        short[] expected = new short[2 * RATE * (seconds + 1)];
        long made = 0;
        SplittableRandom reads = new SplittableRandom(readSeed);
        int compared = 0;
        while (w.nanos() < seconds * 1_000_000_000L) {
            if (reads.nextInt(40) == 0) {
                w.runForever(0, reads.nextInt(-900, 900));
                w.runForever(1, reads.nextInt(-900, 900));
            }
            // One physics step, sometimes a partial one (as a deadline between steps makes).
            long dt = reads.nextInt(4) == 0 ? 1 + reads.nextLong(stepNanos) : stepNanos;
            w.advanceTo(w.nanos() + dt);
            long due = Math.floorDiv(w.nanos() * RATE, 1_000_000_000L);
            for (; made < due; made++) {
                double t = made / (double) RATE;
                for (int ear = 0; ear < 2; ear++) {
                    double dir = w.heading() + (ear == 0 ? Math.PI / 2 : -Math.PI / 2);
                    double ex = w.x() + earSpacing / 2 * Math.cos(dir);
                    double ey = w.y() + earSpacing / 2 * Math.sin(dir);
                    double sum = 0;
                    for (SoundSource s : w.sounds) {
                        double dx = s.x - ex;
                        double dy = s.y - ey;
                        double d = Math.sqrt(dx * dx + dy * dy);
                        double facing = d > 1e-9 ? (dx * Math.cos(dir) + dy * Math.sin(dir)) / d : 1;
                        sum += s.signal(t - d / 343.0) * ((0.65 + 0.35 * facing) / Math.max(d, 0.1));
                    }
                    index = (index + 1 + (random.nextInt() >>> 20)) & (table.length - 1);
                    double v = (sum + micNoise * table[index]) * 32767;
                    expected[(int) (2 * made + ear)] = (short) (v >= 32767 ? 32767 : v <= -32768 ? -32768 : Math.round(v));
                }
            }
            assertThat(w.audioSamplesWritten()).isEqualTo(made);
            int r = reads.nextInt(10);
            if (r >= 4) continue; // most steps are never read, as most of a tick's are not
            int n = r == 0 ? 2 * ringFrames : r == 1 ? 1 + reads.nextInt(2 * ringFrames) : 2 * (1 + reads.nextInt(600));
            short[] got = new short[n];
            w.copyNewestAudio(got);
            short[] want = new short[n];
            for (int i = 0; i < n; i++) {
                long sample = 2 * made - n + i;
                want[i] = sample < 0 ? 0 : expected[(int) sample];
            }
            assertThat(got).as("the newest %d samples at frame %d", n, made).isEqualTo(want);
            compared++;
        }
        assertThat(compared).isGreaterThan(500);
    }
}
