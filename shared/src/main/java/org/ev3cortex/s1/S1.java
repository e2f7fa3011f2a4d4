package org.ev3cortex.s1;

import org.ev3cortex.body.BodyKeys;
import org.ev3cortex.body.MotorState;
import org.ev3cortex.config.Config;
import org.ev3cortex.seam.Efference;
import org.ev3cortex.seam.PathwayOutput;
import org.ev3cortex.seam.Region;
import org.ev3cortex.seam.Stage;
import org.ev3cortex.seam.TickData;

/**
 * The somatosensory pathway: one vector per tick ({@link #area()}), {@value #PER_MOTOR} slots per
 * motor then one per touch sensor, each in a documented range:
 * <pre>
 * motor m, base 6m:
 *   +0 position     shaft angle, ((counts mod countsPerRot) / countsPerRot) * 2 - 1, in [-1, 1)
 *   +1 speed        measured speed / maxSpeed, clamped to [-1, 1]
 *   +2 commanded    efference copy: the speed last issued to the motor / maxSpeed, in [-1, 1]
 *   +3 mismatch     (measured - commanded) / (2 maxSpeed), in [-1, 1]
 *   +4 stalled      0 or 1
 *   +5 overloaded   0 or 1
 * touch t, at 6M + t: 0 released, 1 pressed (the slot is the sensor's place, in body.touchPorts order)
 * </pre>
 * That is one row, (6M + T) x 1. Only when ultrasonic, gyro or colour ports are configured does
 * a second row follow, so a body without them keeps S1's shape; the area is then W x 2 with
 * W = max(6M + T, U + 2G + C), row 0 padded with zeros, and row 1 (from slot W) holds:
 * <pre>
 * ultrasonic u, at W + u:            min(distance cm, 255) / 255, in [0, 1] (1 = nothing near)
 * gyro g, at W + U + 2g:       +0 angle: degrees wrapped to [-180, 180), / 180, in [-1, 1)
 *                              +1 rate: deg/s / 440 (the EV3 gyro's range), clamped to [-1, 1]
 * colour c, at W + U + 2G + c:       percent / 100 (reflected or ambient, body.colorMode), in [0, 1]
 * </pre>
 * (M motors, T touch, U ultrasonic, G gyro, C colour sensors, each in its body.*Ports order.)
 */
public final class S1 implements Stage {
    public static final int PER_MOTOR = 6;
    public static final int POSITION = 0;
    public static final int SPEED = 1;
    public static final int COMMANDED = 2;
    public static final int MISMATCH = 3;
    public static final int STALLED = 4;
    public static final int OVERLOADED = 5;

    /** How the area's shape follows from the keys. */
    public static final String SHAPE_SOURCE = "6 per motor + 1 per touch sensor, x 1; with ultrasonic, gyro or colour"
            + " sensors a second row of 1 per ultrasonic + 2 per gyro + 1 per colour";
    /** The ultrasonic's full scale, cm: the EV3 sensor reads 0 to 255. */
    public static final float MAX_DISTANCE_CM = 255f;
    /** The gyro's full-scale rate, deg/s (ev3dev's GYRO-RATE range). */
    public static final float MAX_RATE_DEG_PER_SEC = 440f;

    private int motors;
    private int touches;
    private int ultrasonics;
    private int gyros;
    private int colors;
    private int countsPerRot = 360;
    private float invMaxSpeed = 1f / 1050;
    private final PathwayOutput area = new PathwayOutput(Region.S1);

    /** An unconfigured stage; the loop calls {@link #configure} before the first tick. */
    public S1() {}

    public S1(int motors, int touches, int countsPerRot, int maxSpeedCountsPerSec) {
        size(motors, touches, 0, 0, 0);
        this.countsPerRot = countsPerRot;
        this.invMaxSpeed = 1f / maxSpeedCountsPerSec;
    }

    public static S1 fromConfig(Config c) {
        S1 s = new S1();
        s.configure(c);
        return s;
    }

    @Override
    public String name() {
        return "s1";
    }

    @Override
    public void configure(Config c) {
        size(BodyKeys.motorPorts(c).length, BodyKeys.touchPorts(c).length, BodyKeys.ultrasonicPorts(c).length,
                BodyKeys.gyroPorts(c).length, BodyKeys.colorPorts(c).length);
        countsPerRot = c.get(S1Keys.COUNTS_PER_ROT);
        invMaxSpeed = 1f / c.get(S1Keys.MAX_SPEED);
    }

    /** The S1 area's input shape {width, height} for a config: see the class comment. */
    public static int[] shapeFor(Config c) {
        return shape(BodyKeys.motorPorts(c).length * PER_MOTOR + BodyKeys.touchPorts(c).length,
                BodyKeys.ultrasonicPorts(c).length + 2 * BodyKeys.gyroPorts(c).length + BodyKeys.colorPorts(c).length);
    }

    private static int[] shape(int first, int second) {
        return second == 0 ? new int[] {first, 1} : new int[] {Math.max(first, second), 2};
    }

    /** Where row 1 (the ultrasonic, gyro and colour slots) starts. */
    private int secondRow() {
        return Math.max(motors * PER_MOTOR + touches, ultrasonics + 2 * gyros + colors);
    }

    private void size(int motors, int touches, int ultrasonics, int gyros, int colors) {
        this.motors = motors;
        this.touches = touches;
        this.ultrasonics = ultrasonics;
        this.gyros = gyros;
        this.colors = colors;
        int[] s = shape(motors * PER_MOTOR + touches, ultrasonics + 2 * gyros + colors);
        area.reshape(s[0], s[1]);
    }

    public int size() {
        int extra = ultrasonics + 2 * gyros + colors;
        return extra == 0 ? motors * PER_MOTOR + touches : 2 * secondRow();
    }

    @Override
    public void update(TickData t) {
        float[] dst = area.output();
        org.ev3cortex.body.Snapshot in = t.in();
        process(in.motors, in.touch, t.efference(), dst);
        if (ultrasonics + gyros + colors == 0) return;
        int o = secondRow();
        int u = Math.min(ultrasonics, in.distanceCm.length);
        for (int i = 0; i < u; i++) dst[o + i] = Math.max(0f, Math.min(in.distanceCm[i], MAX_DISTANCE_CM)) / MAX_DISTANCE_CM;
        o += ultrasonics;
        int g = Math.min(gyros, in.gyroAngleDeg.length);
        for (int i = 0; i < g; i++) {
            float a = in.gyroAngleDeg[i] % 360f; // Java's % keeps the sign: (-360, 360)
            if (a >= 180f) a -= 360f;
            if (a < -180f) a += 360f;
            dst[o + 2 * i] = a / 180f;
            dst[o + 2 * i + 1] = clamp(in.gyroRateDegPerSec[i] / MAX_RATE_DEG_PER_SEC);
        }
        o += 2 * gyros;
        int k = Math.min(colors, in.colorPercent.length);
        for (int i = 0; i < k; i++) dst[o + i] = Math.max(0f, Math.min(in.colorPercent[i], 100f)) / 100f;
    }

    /** Per motor: shaft angle, speed, commanded speed and mismatch, each scaled and clamped. */
    @Override
    public void countOps(org.ev3cortex.seam.OpCount c) {
        c.fconv += 4L * motors; c.fmul += 4L * motors; c.fdiv += motors; c.fadd += 2L * motors; c.fcmp += 4L * motors;
        c.iop += 10L * motors + 3L * touches; c.bytes += 40L * motors + 5L * touches;
        int extra = ultrasonics + 2 * gyros + colors;
        c.fcmp += 2L * extra; c.fdiv += extra; c.fadd += 2L * gyros; c.bytes += 8L * extra;
    }

    /** Fills the caller-owned {@code dst} ({@link #size()} floats). No allocation. */
    public void process(MotorState state, boolean[] touch, Efference efference, float[] dst) {
        int m = Math.min(motors, state.count());
        for (int i = 0; i < m; i++) {
            int o = i * PER_MOTOR;
            int turn = Math.floorMod(state.positionCounts[i], countsPerRot);
            dst[o + POSITION] = 2f * turn / countsPerRot - 1f;
            float speed = clamp(state.speedCountsPerSec[i] * invMaxSpeed);
            float commanded = efference != null && i < efference.count() ? clamp(efference.issuedSpeed(i) * invMaxSpeed) : 0f;
            dst[o + SPEED] = speed;
            dst[o + COMMANDED] = commanded;
            dst[o + MISMATCH] = 0.5f * (speed - commanded);
            dst[o + STALLED] = state.has(i, MotorState.STALLED) ? 1f : 0f;
            dst[o + OVERLOADED] = state.has(i, MotorState.OVERLOADED) ? 1f : 0f;
        }
        int t = Math.min(touches, touch.length);
        for (int i = 0; i < t; i++) dst[motors * PER_MOTOR + i] = touch[i] ? 1f : 0f;
    }

    private static float clamp(float v) {
        return v < -1 ? -1 : v > 1 ? 1 : v;
    }

    public float[] area() { return area.output(); }
    /** The area this pathway feeds. */
    public org.ev3cortex.seam.Pathway output() { return area; }
    public int motors() { return motors; }
    public int touches() { return touches; }
    public int ultrasonics() { return ultrasonics; }
    public int gyros() { return gyros; }
    public int colors() { return colors; }
}
