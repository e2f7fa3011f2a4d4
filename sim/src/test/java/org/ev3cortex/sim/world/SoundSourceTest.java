package org.ev3cortex.sim.world;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SoundSourceTest {
    @Test
    void tableSineMatchesMathSin() {
        double worst = 0;
        for (int k = 0; k < 200_000; k++) {
            double x = k * 0.0137 - 1000; // many periods, negative too
            worst = Math.max(worst, Math.abs(SoundSource.sinCycles(x) - Math.sin(2 * Math.PI * x)));
        }
        assertThat(worst).isLessThan(3e-6); // 16-bit audio resolves 3e-5
    }

    @Test
    void aRhythmicToneIsSilentBetweenBeats() {
        SoundSource s = SoundSource.tone(0, 0, 440, 0.5, 0.3, 0.6);
        assertThat(s.signal(0.0 + 1.0 / 1760)).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-5)); // quarter period
        assertThat(s.signal(0.45)).isZero();
        assertThat(s.signal(-0.1)).isZero();
    }

    /** The gate skips the floating-point remainder when it can; it must decide exactly as the remainder would. */
    @Test
    void theRhythmGateAgreesWithTheRemainderEverywhere() {
        SoundSource tone = SoundSource.tone(0, 0, 880, 0.6, 0.3, 0.6);
        SoundSource noise = SoundSource.noise(0, 0, 0.4, 0.25, 0.7, 42);
        SoundSource steady = SoundSource.tone(0, 0, 440, 0.5, 1, 1);
        SoundSource alwaysOnNoise = SoundSource.noise(0, 0, 0.4, 1, 1, 42); // the same noise, never gated
        java.util.SplittableRandom r = new java.util.SplittableRandom(7);
        java.util.List<Double> times = new java.util.ArrayList<>();
        for (int k = 0; k < 200_000; k++) times.add(k / 16_000.0 - 2.1e-4 * (k % 3)); // the simulator's sample times, minus ear delays
        for (int k = 1; k < 20_000; k++) {
            for (double p : new double[] {0.6, 0.7, 0.3, 0.25}) {
                double edge = k * p; // the edges themselves, and their neighbours in ulps
                times.add(edge);
                times.add(Math.nextUp(edge));
                times.add(Math.nextDown(edge));
                times.add(edge + 1e-6);
                times.add(edge - 1e-6);
            }
        }
        for (int k = 0; k < 100_000; k++) times.add(r.nextDouble(0, 3e6)); // also beyond the fast path's range
        for (double t : times) {
            assertThat(tone.signal(t)).as("t=%s", t).isEqualTo(t < 0 || t % 0.6 >= 0.3 ? 0 : 0.6 * SoundSource.sinCycles(880 * t));
            assertThat(noise.signal(t)).as("t=%s", t).isEqualTo(t < 0 || t % 0.7 >= 0.25 ? 0 : alwaysOnNoise.signal(t));
            assertThat(steady.signal(t)).as("t=%s", t).isEqualTo(t < 0 ? 0 : 0.5 * SoundSource.sinCycles(440 * t));
        }
    }
}
