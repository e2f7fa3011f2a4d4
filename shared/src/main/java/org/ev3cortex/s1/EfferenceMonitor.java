package org.ev3cortex.s1;

import org.ev3cortex.body.MotorState;
import org.ev3cortex.body.Snapshot;
import org.ev3cortex.config.Config;
import org.ev3cortex.seam.Efference;
import org.ev3cortex.seam.Percepts;
import org.ev3cortex.seam.Stage;
import org.ev3cortex.seam.TickData;

/**
 * S1's forward model of the wheels, fed by the efference copy: it predicts each wheel's measured
 * speed from the previous measurement and the command issued last tick,
 * {@code v̂[t] = a·v[t-1] + b·u[t-1]}, and learns {@code a, b} by normalised LMS. When the wheels
 * turn much slower than predicted for a few ticks, something holds them: a wall, a stall, being
 * lifted onto a block. This works without ev3dev's {@code stalled} flag, which some motors and
 * kernels never raise.
 */
public final class EfferenceMonitor implements Stage {
    // Prior: a first-order motor with a ~60 ms time constant sampled at 10 Hz.
    private final double[] a = {0.2, 0.2};
    private final double[] b = {0.8, 0.8};
    private final double[] lastSpeed = new double[2];
    private final double[] errorVar = {1e4, 1e4};
    private final int[] mismatched = new int[2];
    private double rate;
    private double ratio;
    private double minExpected;
    private int ticksNeeded;
    private boolean useFlag;
    private boolean armed;

    @Override
    public String name() {
        return "s1-efference";
    }

    @Override
    public void configure(Config c) {
        rate = c.get(S1Keys.FORWARD_MODEL_RATE);
        ratio = c.get(S1Keys.STALL_RATIO);
        minExpected = c.get(S1Keys.STALL_MIN_SPEED);
        ticksNeeded = c.get(S1Keys.STALL_TICKS);
        useFlag = c.get(S1Keys.STALL_USE_FLAG);
    }

    @Override
    public void update(TickData t) {
        Snapshot in = t.in();
        Efference out = t.efference();
        Percepts percepts = t.percepts();
        int n = Math.min(2, in.motors.count());
        boolean stall = false;
        for (int i = 0; i < n; i++) {
            double measured = in.motors.speedCountsPerSec[i];
            double command = out.issuedSpeed(i);
            double predicted = a[i] * lastSpeed[i] + b[i] * command;
            double e = measured - predicted;

            boolean mismatch = armed && Math.abs(predicted) >= minExpected
                    && (Math.abs(measured) < ratio * Math.abs(predicted) || Math.signum(measured) != Math.signum(predicted));
            mismatched[i] = mismatch ? mismatched[i] + 1 : 0;
            if (mismatched[i] >= ticksNeeded) stall = true;
            if (useFlag && in.motors.has(i, MotorState.STALLED)) stall = true;

            // Learn only from ordinary motion: learning during a stall would teach the model that
            // commanded wheels stand still.
            if (!mismatch) {
                double norm = 1 + lastSpeed[i] * lastSpeed[i] + command * command;
                a[i] += rate * e * lastSpeed[i] / norm;
                b[i] += rate * e * command / norm;
                errorVar[i] += 0.02 * (e * e - errorVar[i]);
                errorVar[i] = Math.max(errorVar[i], 100);
            }
            lastSpeed[i] = measured;
        }
        armed = true;
        boolean bumper = false;
        for (int i = 0; i < in.touch.length; i++) bumper |= in.touch[i];
        percepts.contact(stall, bumper, in.tick);
        if (stall) {
            mismatched[0] = 0;
            mismatched[1] = 0;
        }
    }

    /** Per wheel: the prediction, the surprise, the mismatch test and the NLMS step, in double. */
    @Override
    public void countOps(org.ev3cortex.seam.OpCount c) {
        c.dop += 2 * 21; c.fconv += 2 * 2; c.fcmp += 2 * 3; c.iop += 2 * 3 + 4; c.bytes += 2 * 170 + 8;
    }

    /** The learned model {a, b} of a wheel; for tests and the viewer. */
    public double[] model(int wheel) {
        return new double[] {a[wheel], b[wheel]};
    }
}
