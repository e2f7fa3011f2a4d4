package org.ev3cortex.histogram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class HistogramTest {

    @Test
    void eightBitDataInFourBitBinsCountsTheTopNibble() {
        byte[] px = new byte[1000];
        Random rnd = new Random(5);
        rnd.nextBytes(px);
        long[] counts = new long[16];
        Histogram.countBytes(px, 0, px.length, 1, 4, counts);
        long[] expected = new long[16];
        for (byte b : px) expected[(b & 0xff) / 16]++;
        assertThat(counts).containsExactly(expected);
    }

    @Test
    void floatsAreBinnedOverTheirRangeWithTheMaximumInTheTopBin() {
        float[] v = {0f, 0.49f, 0.5f, 0.999f, 1f, -0.1f, 1.1f, Float.NaN};
        long[] counts = new long[2];
        long counted = Histogram.count(v, 0, v.length, 0, 1, 1, counts);
        assertThat(counted).isEqualTo(5);
        assertThat(counts).containsExactly(2, 3);
    }

    @Test
    void int16SamplesUseTheirTopBits() {
        short[] s = {Short.MIN_VALUE, -1, 0, Short.MAX_VALUE};
        long[] counts = new long[4];
        Histogram.countShorts(s, 0, s.length, 2, counts);
        assertThat(counts).containsExactly(1, 1, 1, 1);
    }
}
