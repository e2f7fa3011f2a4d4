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
 *
 * <p>A grazing touch holds the wheels back for a tick or less, often while the robot turns, so one
 * wheel keeps going: the stall test misses it. S1's surprise catches it: the error of the
 * predicted forward speed (the mean of the wheels) over its learned variance. A contact is a
 * surprise of at least {@code m1.stall.surprise} with the robot slower than predicted; after one,
 * the next {@value #REFRACTORY} ticks (the reflex backing off) raise no other.
 */
public final class EfferenceMonitor implements Stage {
    // Prior: a first-order motor with a ~60 ms time constant sampled at 10 Hz.
    private final double[] a = {0.2, 0.2};
    private final double[] b = {0.8, 0.8};
    private final double[] lastSpeed = new double[2];
    private final double[] errorVar = {1e4, 1e4};
    private final int[] mismatched = new int[2];
    private static final int REFRACTORY = 5;
    private double forwardVar = 1e4;  // learned variance of the forward-speed error
    private double forwardSurprise;   // this tick's squared error over it
    private double surpriseNeeded;
    private int refractory;
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
        surpriseNeeded = c.get(S1Keys.CONTACT_SURPRISE);
    }

    @Override
    public void update(TickData t) {
        Snapshot in = t.in();
        Efference out = t.efference();
        Percepts percepts = t.percepts();
        int n = Math.min(2, in.motors.count());
        boolean stall = false;
        double predictedForward = 0;
        double measuredForward = 0;
        for (int i = 0; i < n; i++) {
            double measured = in.motors.speedCountsPerSec[i];
            double command = out.issuedSpeed(i);
            double predicted = a[i] * lastSpeed[i] + b[i] * command;
            double e = measured - predicted;
            predictedForward += predicted / n;
            measuredForward += measured / n;

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
        // S1's surprise on the forward speed: held back (slower than predicted) and far outside
        // the error the model usually makes.
        double ef = measuredForward - predictedForward;
        forwardSurprise = ef * ef / forwardVar;
        boolean heldBack = armed && n > 0 && Math.abs(predictedForward) >= minExpected && ef * predictedForward < 0;
        if (refractory > 0) refractory--;
        if (heldBack && surpriseNeeded > 0 && forwardSurprise >= surpriseNeeded) {
            if (refractory == 0) stall = true;
            refractory = REFRACTORY;
        } else if (!stall) {
            forwardVar += 0.02 * (ef * ef - forwardVar);
            // Floored at (20 counts/s)^2: an exact simulator would otherwise make every rounding a surprise.
            forwardVar = Math.max(forwardVar, 400);
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
        c.dop += 2 * 25 + 12; c.fconv += 2 * 2 + 1; c.fcmp += 2 * 3 + 5; c.iop += 2 * 3 + 6; c.bytes += 2 * 170 + 40;
    }

    /** This tick's surprise on the forward speed: its squared error over the learned variance. */
    public double forwardSurprise() {
        return forwardSurprise;
    }

    /** The learned model {a, b} of a wheel; for tests and the viewer. */
    public double[] model(int wheel) {
        return new double[] {a[wheel], b[wheel]};
    }
}
