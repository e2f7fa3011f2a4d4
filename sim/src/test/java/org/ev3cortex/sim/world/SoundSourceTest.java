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
}
