package org.ev3cortex.m1;

import org.ev3cortex.body.StopAction;
import org.ev3cortex.config.Config;
import org.ev3cortex.seam.Intent;
import org.ev3cortex.seam.MotorCommands;
import org.ev3cortex.seam.Pathway;
import org.ev3cortex.seam.Region;
import org.ev3cortex.seam.Stage;
import org.ev3cortex.seam.TickData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * M1: the basal ganglia's intended wheel speeds become a population code (Gaussian tuning curves
 * over preferred speeds spread across [-max, max]), and the code is decoded into the commands by
 * the population vector. The activity is the M1 area's input on the sheet, which learns to
 * predict it, and S1's efference slot.
 *
 * <p>The learned M1 ({@code m1.cortex.weight}): the sheet's M1 units learn to predict, from the
 * senses' pooled activity and M1's own history, the population the behaviours are about to
 * command. Each wheel's command is the behaviours' decoded speed blended with that prediction's
 * decoded speed, {@code (1 - w) intent + w prediction}. Where the senses announce what the
 * reflexes will do a few ticks later (a wall looming before the bump), the prediction does it
 * earlier: anticipation learned, not written. At weight 0 nothing the sheet computes reaches the
 * wheels, and the agent is otherwise the same.
 *
 * <p>An intent beyond the population's range saturates at its edge unit, with a counted
 * warning; the motors' own limit is enforced once, in the loop's write phase.
 */
public final class MotorCortex implements Stage, Pathway {
    /** How the area's shape follows from the keys: two rows, the left wheel's units, then the right's. */
    public static final String SHAPE_SOURCE = "m1.unitsPerWheel x 2";

    /** The area's shape {@code {width, height}} for a config: what {@link #width()} and {@link #height()} will be. */
    public static int[] areaShape(Config c) {
        return new int[] {c.get(M1Keys.UNITS_PER_WHEEL), 2};
    }

    private static final Logger log = LoggerFactory.getLogger(MotorCortex.class);

    private final int maxSpeed;
    private final Pathway predicted;
    private float weight;
    private boolean predictionFits;
    private long clampWarnings;
    private int units;
    private double[] preferred = new double[0];
    private float[] activity = new float[0];
    private double width;
    private long lastWarnedClamps;

    /** @param maxSpeedCountsPerSec the slowest motor's max_speed */
    public MotorCortex(int maxSpeedCountsPerSec) {
        this(maxSpeedCountsPerSec, null);
    }

    /**
     * @param predicted the sheet's prediction of this tick's population (the M1 area's shape), or
     *                  null: blended into the commands with weight {@code m1.cortex.weight}
     */
    public MotorCortex(int maxSpeedCountsPerSec, Pathway predicted) {
        this.maxSpeed = maxSpeedCountsPerSec;
        this.predicted = predicted;
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
        weight = c.get(M1Keys.CORTEX_WEIGHT).floatValue();
        // The M1 area holds the population unit for unit by default; a resampled area does not.
        predictionFits = predicted != null && predicted.width() * predicted.height() == 2 * units;
        if (weight > 0 && !predictionFits) {
            log.warn("m1.cortex.weight {} has no effect: the M1 area is not {} x 2 units (cortex.area.m1)", weight, units);
        }
    }

    /** M1 activity: {@code units} values for the left wheel, then the right; 0..1. */
    public float[] activity() {
        return activity;
    }

    /** Intents beyond the population's range so far. */
    public long saturations() {
        return clampWarnings;
    }

    @Override public Region region() { return Region.M1; }
    @Override public int width() { return units; }
    @Override public int height() { return 2; }
    @Override public float[] output() { return activity; }

    @Override
    public void update(TickData t) {
        Intent intent = t.intent();
        MotorCommands out = t.commands();
        if (intent.held()) {
            java.util.Arrays.fill(activity, 0f);
            for (int i = 0; i < Math.min(2, out.count()); i++) out.stop(i, StopAction.BRAKE);
            return;
        }
        encode(0, intent.leftCountsPerSec());
        encode(1, intent.rightCountsPerSec());
        boolean blend = weight > 0 && predictionFits;
        for (int i = 0; i < Math.min(2, out.count()); i++) {
            int speed = decode(activity, i);
            if (blend) speed = Math.round((1 - weight) * speed + weight * decode(predicted.output(), i));
            out.runForever(i, speed);
        }
    }

    /** Per wheel: a Gaussian (one exp) per unit to encode, the peak and a window to decode. */
    @Override
    public void countOps(org.ev3cortex.seam.OpCount c) {
        long u = units;
        c.fmath += 2 * u; c.fconv += 2 * (2 * u + 4); c.fcmp += 2 * u; c.dop += 2 * (5 * u + 10);
        c.iop += 2 * (7 * u + 8); c.bytes += 2 * 27 * u;
        if (weight > 0 && predictionFits) { // the prediction decoded too, and the blend
            c.fconv += 2 * (u + 4); c.fcmp += 2 * u; c.dop += 2 * (5 * u + 10); c.fmul += 4; c.fadd += 2;
            c.iop += 2 * (7 * u + 8); c.bytes += 2 * 27 * u;
        }
    }

    private void encode(int wheel, int intent) {
        double target = intent;
        if (Math.abs(intent) > maxSpeed) {
            clampWarnings++;
            if (clampWarnings == 1 || clampWarnings - lastWarnedClamps >= 100) {
                log.warn("M1: intended speed {} beyond max {} counts/s, clamped ({} clamp(s) so far)",
                        intent, maxSpeed, clampWarnings);
                lastWarnedClamps = clampWarnings;
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
    private int decode(float[] activity, int wheel) {
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
