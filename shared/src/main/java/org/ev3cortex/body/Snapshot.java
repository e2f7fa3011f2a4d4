package org.ev3cortex.body;

/**
 * One tick's view of every sense, filled by {@link CombinedSource#read}. All buffers are sized
 * once for the body; the loop refills the same snapshot every tick.
 */
public final class Snapshot {
    /** The tick this snapshot belongs to (set by the loop). */
    public long tick;
    /** When the snapshot was taken, on the body's clock. */
    public long nanos;

    /** The newest camera frame, or a zero-length array when the body has no camera. */
    public final byte[] frame;
    public final Reading frameReading = new Reading();

    /** The newest microphone samples, interleaved, or a zero-length array. */
    public final short[] audio;
    public final Reading audioReading = new Reading();

    public final MotorState motors;
    public final boolean[] touch;
    /** Per ultrasonic sensor ({@link LegoSensors}), cm. */
    public final float[] distanceCm;
    /** Per gyro: angle (deg) and rate (deg/s). */
    public final float[] gyroAngleDeg;
    public final float[] gyroRateDegPerSec;
    /** Per colour sensor: reflected or ambient light, percent. */
    public final float[] colorPercent;
    public double batteryV;
    public double batteryA;

    /** {@link SystemStats} vector, NaN before the first sample or when the body has none. */
    public final double[] stats = new double[SystemStats.SIZE];
    public final Reading statsReading = new Reading();

    public Snapshot(int frameBytes, int audioSamples, int motors, int touches) {
        this(frameBytes, audioSamples, motors, touches, 0, 0, 0);
    }

    public Snapshot(int frameBytes, int audioSamples, int motors, int touches, int ultrasonics, int gyros, int colors) {
        frame = new byte[frameBytes];
        audio = new short[audioSamples];
        this.motors = new MotorState(motors);
        touch = new boolean[touches];
        distanceCm = new float[ultrasonics];
        gyroAngleDeg = new float[gyros];
        gyroRateDegPerSec = new float[gyros];
        colorPercent = new float[colors];
        java.util.Arrays.fill(stats, Double.NaN);
    }
}
