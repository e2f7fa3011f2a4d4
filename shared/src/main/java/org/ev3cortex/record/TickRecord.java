package org.ev3cortex.record;

import org.ev3cortex.body.SourceState;
import org.ev3cortex.config.Config;
import org.ev3cortex.config.ReloadVerdict;

/**
 * One slot of the recorder's ring: a copy of what a tick produced, in buffers allocated once. The
 * tick thread fills it, the writer thread encodes it; the ring's indices hand it over.
 */
final class TickRecord {
    static final int SWITCHES = 8;

    long tick;
    long nanos;
    long logTime;
    long wallMs;
    boolean camera;
    boolean audio;
    boolean state;
    boolean timings;
    boolean config;
    boolean sheet;

    final byte[] frame;
    long frameSequence;
    long frameCaptureNanos;
    SourceState frameState;
    final short[] samples;
    long audioSequence;
    long audioCaptureNanos;
    SourceState audioState;

    final int[] position;
    final int[] speed;
    final int[] flags;
    final boolean[] touch;
    double batteryV;
    double batteryA;
    final double[] stats;
    long statsSequence;
    long statsCaptureNanos;
    SourceState statsState;

    final int[] issuedMode;
    final int[] issuedSpeed;
    final long[] issuedTick;

    final float[] surprise;
    int active;
    long switchCount;
    int newSwitches;
    final long[] switchTick = new long[SWITCHES];
    final int[] switchFrom = new int[SWITCHES];
    final int[] switchTo = new int[SWITCHES];
    final int[] switchReason = new int[SWITCHES];
    final double[] switchSalienceFrom = new double[SWITCHES];
    final double[] switchSalienceTo = new double[SWITCHES];

    final float[] prediction;
    final float[] error;

    final long[] epochNanos;
    long tickNanos;
    long overruns;
    long dropped;

    Config configValue;
    boolean configChanged;
    ReloadVerdict verdict;

    TickRecord(int frameBytes, int audioSamples, int motors, int touches, int statsSize, int areas, int epochs,
               int units) {
        frame = new byte[frameBytes];
        samples = new short[audioSamples];
        position = new int[motors];
        speed = new int[motors];
        flags = new int[motors];
        touch = new boolean[touches];
        stats = new double[statsSize];
        issuedMode = new int[motors];
        issuedSpeed = new int[motors];
        issuedTick = new long[motors];
        surprise = new float[areas];
        epochNanos = new long[epochs];
        prediction = new float[units];
        error = new float[units];
    }
}
