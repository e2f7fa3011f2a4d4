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
    public static final String SHAPE_SOURCE = "6 per motor + 1 per touch sensor, x 1";

    private int motors;
    private int touches;
    private int countsPerRot = 360;
    private float invMaxSpeed = 1f / 1050;
    private final PathwayOutput area = new PathwayOutput(Region.S1);

    /** An unconfigured stage; the loop calls {@link #configure} before the first tick. */
    public S1() {}

    public S1(int motors, int touches, int countsPerRot, int maxSpeedCountsPerSec) {
        size(motors, touches);
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
        size(BodyKeys.motorPorts(c).length, BodyKeys.touchPorts(c).length);
        countsPerRot = c.get(S1Keys.COUNTS_PER_ROT);
        invMaxSpeed = 1f / c.get(S1Keys.MAX_SPEED);
    }

    /** The S1 vector's length for a config: {@value #PER_MOTOR} per motor port plus one per touch port. */
    public static int sizeFor(Config c) {
        return BodyKeys.motorPorts(c).length * PER_MOTOR + BodyKeys.touchPorts(c).length;
    }

    private void size(int motors, int touches) {
        this.motors = motors;
        this.touches = touches;
        area.reshape(size(), 1);
    }

    public int size() {
        return motors * PER_MOTOR + touches;
    }

    @Override
    public void update(TickData t) {
        process(t.in().motors, t.in().touch, t.efference(), area.output());
    }

    /** Per motor: shaft angle, speed, commanded speed and mismatch, each scaled and clamped. */
    @Override
    public void countOps(org.ev3cortex.seam.OpCount c) {
        c.fconv += 4L * motors; c.fmul += 4L * motors; c.fdiv += motors; c.fadd += 2L * motors; c.fcmp += 4L * motors;
        c.iop += 10L * motors + 3L * touches; c.bytes += 40L * motors + 5L * touches;
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
}
