package org.ev3cortex.m1;

/**
 * What the motor stages pass each other within a tick: the features they steer by, the S1
 * forward model's verdict, the selected behaviour and the intended wheel speeds. Plain fields,
 * written by one stage and read by the next, all on the loop thread.
 */
public final class MotorContext {
    // Features (SenseFeatures, or the sensory pathways when they provide them).
    /** Smoothed sound level per ear, full-scale RMS. */
    public double soundLeft;
    public double soundRight;
    /** Mean luminance per visual hemifield, 0..1, and of the whole frame. */
    public double lightLeft;
    public double lightRight;
    public double lightMean;
    /** Surprise of the V1 hemifields (from the sheet); 0 when no sheet runs. */
    public double noveltyLeft;
    public double noveltyRight;

    // S1 efference monitor.
    public final double[] predictedSpeed = new double[2];
    public final double[] efferenceSurprise = new double[2];
    /** True on the tick a stall (or collision) was detected. */
    public boolean stallDetected;
    public boolean bumperPressed;
    public long stallDetections;
    public long lastStallDetectionTick = -1;

    // Selection.
    public Behaviour active = Behaviour.IDLE;
    public final double[] salience = new double[Behaviour.values().length];
    public int intentLeftCountsPerSec;
    public int intentRightCountsPerSec;
    public final SwitchLog switches = new SwitchLog(256);

    // M1 output.
    public long clampWarnings;
}
