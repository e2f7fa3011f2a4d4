package org.ev3cortex.m1;

import org.ev3cortex.agent.MotorCommands;
import org.ev3cortex.agent.Stage;
import org.ev3cortex.body.Snapshot;
import org.ev3cortex.body.StopAction;
import org.ev3cortex.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * M1: the intended wheel speeds become a population code (Gaussian tuning curves over preferred
 * speeds spread across [-max, max]), and the code is decoded back into commands by the population
 * vector. The activity is what the sheet's M1 area shows; decoding through it means anything the
 * sheet adds to M1 steers the wheels. Commands beyond the motor's max speed are clamped, with a
 * counted warning.
 */
public final class MotorCortex implements Stage {
    private static final Logger log = LoggerFactory.getLogger(MotorCortex.class);

    private final MotorContext ctx;
    private final int maxSpeed;
    private int units;
    private double[] preferred = new double[0];
    private float[] activity = new float[0];
    private double width;
    private long lastWarnedClamps;

    /** @param maxSpeedCountsPerSec the slowest motor's max_speed */
    public MotorCortex(MotorContext ctx, int maxSpeedCountsPerSec) {
        this.ctx = ctx;
        this.maxSpeed = maxSpeedCountsPerSec;
    }

    @Override
    public String name() {
        return "m1";
    }

    @Override
    public void configure(Config c) {
        units = c.get(M1Keys.UNITS_PER_WHEEL);
        width = c.get(M1Keys.TUNING_WIDTH) * maxSpeed;
        if (preferred.length != units) {
            preferred = new double[units];
            activity = new float[2 * units];
        }
        for (int k = 0; k < units; k++) preferred[k] = -maxSpeed + 2.0 * maxSpeed * k / (units - 1);
    }

    /** M1 activity: {@code units} values for the left wheel, then the right; 0..1. */
    public float[] activity() {
        return activity;
    }

    @Override
    public void update(Snapshot in, MotorCommands out) {
        if (ctx.active == Behaviour.FREEZE) {
            java.util.Arrays.fill(activity, 0f);
            for (int i = 0; i < Math.min(2, out.count()); i++) out.stop(i, StopAction.BRAKE);
            return;
        }
        encode(0, ctx.intentLeftCountsPerSec);
        encode(1, ctx.intentRightCountsPerSec);
        for (int i = 0; i < Math.min(2, out.count()); i++) {
            out.runForever(i, decode(i));
        }
    }

    private void encode(int wheel, int intent) {
        double target = intent;
        if (Math.abs(intent) > maxSpeed) {
            ctx.clampWarnings++;
            if (ctx.clampWarnings == 1 || ctx.clampWarnings - lastWarnedClamps >= 100) {
                log.warn("M1: intended speed {} beyond max {} counts/s, clamped ({} clamp(s) so far)",
                        intent, maxSpeed, ctx.clampWarnings);
                lastWarnedClamps = ctx.clampWarnings;
            }
            target = Math.signum(intent) * maxSpeed;
        }
        int base = wheel * units;
        for (int k = 0; k < units; k++) {
            double z = (preferred[k] - target) / width;
            activity[base + k] = (float) Math.exp(-0.5 * z * z);
        }
    }

    /**
     * Population-vector decoding, restricted to the units around the peak so the tails' bias at
     * the ends of the range does not pull the estimate inward.
     */
    int decode(int wheel) {
        int base = wheel * units;
        int peak = 0;
        for (int k = 1; k < units; k++) if (activity[base + k] > activity[base + peak]) peak = k;
        double sum = 0;
        double weighted = 0;
        int reach = Math.max(1, (int) Math.ceil(2 * width / (2.0 * maxSpeed / (units - 1))));
        for (int k = Math.max(0, peak - reach); k <= Math.min(units - 1, peak + reach); k++) {
            sum += activity[base + k];
            weighted += activity[base + k] * preferred[k];
        }
        double v = sum > 0 ? weighted / sum : 0;
        return (int) Math.round(Math.max(-maxSpeed, Math.min(maxSpeed, v)));
    }
}
