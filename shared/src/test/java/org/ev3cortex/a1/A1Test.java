package org.ev3cortex.a1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class A1Test {

    static A1 a1(int n, int channels, int bands) {
        A1.Settings s = new A1.Settings();
        s.windowFrames = n;
        s.channels = channels;
        s.bands = bands;
        s.sampleRateHz = 16_000;
        return new A1(s);
    }

    static short[] tone(int n, int channels, double hz, double amplitude, double phase, int fs) {
        short[] pcm = new short[n * channels];
        for (int i = 0; i < n; i++) {
            short v = (short) Math.round(amplitude * 32767 * Math.sin(2 * Math.PI * hz * i / fs + phase));
            for (int c = 0; c < channels; c++) pcm[i * channels + c] = c == 0 ? v : 0;
        }
        return pcm;
    }

    @Test
    void aPureToneLandsInBinRoundOfFNOverFsWithItsEnergyInItsBand() {
        int fs = 16_000;
        for (int n : new int[] {512, 2048}) {
            A1 a1 = a1(n, 2, 24);
            double amplitude = 0.5;
            for (double hz : new double[] {1000, 2437.5, 3217, 5500}) {
                float[] l = new float[a1.bands()];
                float[] r = new float[a1.bands()];
                a1.process(tone(n, 2, hz, amplitude, 0.3, fs), l, r);
                float[] mag = a1.spectrum(0);
                int peak = 0;
                for (int k = 1; k < mag.length; k++) if (mag[k] > mag[peak]) peak = k;
                int expectedBin = (int) Math.round(hz * n / fs);
                assertThat(peak).as("%d-point FFT of %.1f Hz", n, hz).isEqualTo(expectedBin);
                int band = -1;
                for (int b = 0; b < a1.bands(); b++) if (a1.bandStart(b) <= peak && peak < a1.bandEnd(b)) band = b;
                assertThat(band).isNotNegative();
                // Sum the band with its neighbours: a Hann peak leaks into the bins next to it, which
                // may sit in the next band. Power of a sine of amplitude A is A^2 by definition.
                float[] p = a1.bandPower(0);
                double near = p[band] + (band > 0 ? p[band - 1] : 0) + (band + 1 < p.length ? p[band + 1] : 0);
                assertThat(near).as("band power of %.1f Hz", hz).isCloseTo(amplitude * amplitude, within(0.01));
                if (hz == 1000 || hz == 2437.5) { // on a bin centre: the amplitude reads exactly
                    assertThat((double) mag[peak]).isCloseTo(amplitude, within(0.002));
                }
                double expectedDb = 10 * Math.log10(p[band]);
                assertThat((double) l[band]).isCloseTo((expectedDb + 90) / 90, within(1e-4));
                for (float v : r) assertThat(v).as("silent right channel").isZero();
            }
        }
    }

    @Test
    void whiteNoiseGivesAFlatSpectrumAndTwiceItsVarianceInTotalBandPower() {
        int n = 512, fs = 16_000, windows = 400;
        A1 a1 = a1(n, 1, 16);
        Random rnd = new Random(42);
        double sigma = 0.1;
        double[] meanSq = new double[n / 2 + 1];
        double total = 0;
        float[] l = new float[16];
        float[] r = new float[16];
        short[] pcm = new short[n];
        for (int w = 0; w < windows; w++) {
            for (int i = 0; i < n; i++) pcm[i] = (short) Math.round(rnd.nextGaussian() * sigma * 32767);
            a1.process(pcm, l, r);
            float[] mag = a1.spectrum(0);
            for (int k = 0; k < mag.length; k++) meanSq[k] += mag[k] * mag[k] / windows;
            for (float p : a1.bandPower(0)) total += p / windows;
        }
        double avg = 0;
        for (int k = 2; k < n / 2 - 1; k++) avg += meanSq[k];
        avg /= n / 2 - 3;
        for (int k = 2; k < n / 2 - 1; k++) {
            assertThat(meanSq[k] / avg).as("bin %d (%.0f Hz)", k, a1.binHz(k)).isBetween(0.8, 1.2);
        }
        // Bands cover 100 Hz..8 kHz, i.e. all but the lowest bins: nearly all the power.
        double covered = 2 * sigma * sigma * (1 - a1.bandStart(0) / (double) (n / 2));
        assertThat(total).isCloseTo(covered, within(0.05 * covered));
        assertThat(a1.monoDuplicated()).isTrue();
        assertThat(r).containsExactly(l);
        assertThat(a1.spectrum(1)).containsExactly(a1.spectrum(0));
    }

    @Test
    void bandsAreMelSpacedAndEachHasAtLeastOneBin() {
        A1 a1 = a1(512, 2, 32);
        double binHz = 16_000.0 / 512;
        for (int b = 0; b < 32; b++) {
            assertThat(a1.bandEnd(b)).isGreaterThan(a1.bandStart(b));
            if (b > 0) assertThat(a1.bandStart(b)).isEqualTo(a1.bandEnd(b - 1));
        }
        assertThat(a1.bandStart(0)).isEqualTo((int) Math.ceil(100 / binHz));
        assertThat(a1.bandEnd(31)).isEqualTo(257);
        // High bands are wider than low ones (log-like spacing).
        assertThat(a1.bandEnd(31) - a1.bandStart(31)).isGreaterThan(4 * (a1.bandEnd(8) - a1.bandStart(8)));
        assertThat(A1.hz(A1.mel(1000))).isCloseTo(1000, within(1e-9));
        assertThat(A1.mel(1000)).isCloseTo(1000, within(0.5)); // the mel scale's anchor
    }
}
