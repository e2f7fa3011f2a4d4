package org.ev3cortex.agent;

import org.ev3cortex.testing.opcount.Executed;
import org.jtransforms.fft.FloatFFT_1D;

/** Scratch: JTransforms' realForward counts per size. */
public final class FftProbe {
    public static long[][] run(int[] sizes) {
        pl.edu.icm.jlargearrays.ConcurrencyUtils.setNumberOfThreads(1);
        long[][] out = new long[sizes.length][];
        for (int s = 0; s < sizes.length; s++) {
            int n = sizes[s];
            FloatFFT_1D fft = new FloatFFT_1D(n);
            float[] a = new float[n];
            java.util.Random r = new java.util.Random(1);
            for (int i = 0; i < n; i++) a[i] = r.nextFloat();
            fft.realForward(a);
            for (int i = 0; i < n; i++) a[i] = r.nextFloat();
            Executed.reset();
            fft.realForward(a);
            out[s] = Executed.snapshot();
        }
        return out;
    }
}
