package org.ev3cortex.sim.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.ev3cortex.a1.A1;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** A1 per window (stereo): split, Hann, FFT, magnitudes, 32 mel bands, log compression. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class A1Bench {
    @Param({"512", "2048"})
    public int window;

    private A1 a1;
    private short[] pcm;
    private float[] left;
    private float[] right;

    @Setup
    public void setUp() {
        A1.Settings s = new A1.Settings();
        s.windowFrames = window;
        a1 = new A1(s);
        pcm = new short[window * 2];
        Random rnd = new Random(1);
        for (int i = 0; i < pcm.length; i++) pcm[i] = (short) (rnd.nextGaussian() * 3000);
        left = new float[a1.bands()];
        right = new float[a1.bands()];
    }

    @Benchmark
    public float[] window() {
        a1.process(pcm, left, right);
        return left;
    }
}
