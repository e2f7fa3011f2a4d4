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
 * <p>The learned M1 ({@code m1.cortex.weight}): a premotor read-out ({@link Premotor}) learns,
 * from the sheet's pooled context of the senses and the intended motion, how likely the contact
 * reflex is to fire within the next few ticks, and M1 learns what the reflex then commands (a
 * running mean of its first ticks). Outside the reflex each wheel's command is
 * {@code (1 - a) intent + a reflex}, with {@code a = w p}: where the senses announce a contact
 * (a wall looming while the robot drives at it) the robot starts the reflex's motion before
 * the bump. Anticipation learned, not written: the reflex is the only teacher. At weight 0 the
 * read-out learns just the same but nothing it computes reaches the wheels.
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
    private final Pathway context;
    private final Premotor premotor = new Premotor();
    private float weight;
    private final float invMaxSpeed;
    private final float[] reflexMean = new float[2];
    private float reflexRate;
    private int reflexTicks;
    private long sinceOnset = Long.MAX_VALUE / 2;
    private long reflexSamples;
    private float anticipation;
    private long anticipatedTicks;
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
     * @param context the sheet's pooled context of the senses (see {@code Sheet.context()}), or
     *                null: no premotor read-out, and {@code m1.cortex.weight} has no effect
     */
    public MotorCortex(int maxSpeedCountsPerSec, Pathway context) {
        this.maxSpeed = maxSpeedCountsPerSec;
        this.context = context;
        this.invMaxSpeed = 1f / Math.max(1, maxSpeedCountsPerSec);
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
        reflexTicks = c.get(M1Keys.PREMOTOR_LEAD);
        reflexRate = c.get(M1Keys.PREMOTOR_REFLEX_RATE).floatValue();
        if (context != null) {
            premotor.configure(context.width() * context.height(), c.get(M1Keys.PREMOTOR_HORIZON), c.get(M1Keys.PREMOTOR_LEAD),
                    c.get(M1Keys.PREMOTOR_RATE).floatValue(), c.get(M1Keys.PREMOTOR_POSITIVE_WEIGHT).floatValue());
        }
    }

    /** The premotor read-out's probability, this tick, that the contact reflex fires within its horizon. */
    public float contactProbability() {
        return premotor.probability();
    }

    /** How much of the reflex's learned command M1 blended in this tick ({@code m1.cortex.weight} x the probability). */
    public float anticipation() {
        return anticipation;
    }

    /** Ticks in which the blend moved a command by a tenth or more of the way to the reflex's. */
    public long anticipatedTicks() {
        return anticipatedTicks;
    }

    /** The reflex's learned first command per wheel, counts/s. */
    public float[] reflexCommand() {
        return reflexMean;
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
        anticipation = 0;
        if (intent.held()) {
            java.util.Arrays.fill(activity, 0f);
            for (int i = 0; i < Math.min(2, out.count()); i++) out.stop(i, StopAction.BRAKE);
            return;
        }
        int left = intent.leftCountsPerSec();
        int right = intent.rightCountsPerSec();
        if (context != null) {
            boolean reflex = intent.contact();
            if (intent.contactOnset()) sinceOnset = 0; else sinceOnset++;
            if (reflex && sinceOnset < reflexTicks && t.learn()) { // what the reflex does first
                // The plain mean of the first samples, then a running one: no pull toward a start value.
                float r = Math.max(reflexRate, 1f / ++reflexSamples);
                reflexMean[0] += r * (left - reflexMean[0]);
                reflexMean[1] += r * (right - reflexMean[1]);
            }
            float p = premotor.update(context.output(), 0.5f * (left + right) * invMaxSpeed, 0.5f * (right - left) * invMaxSpeed,
                    reflex, intent.contactOnset(), t.learn());
            if (weight > 0 && !reflex && reflexSamples > 0) { // nothing to blend in before the reflex has been seen
                float a = weight * p;
                anticipation = a;
                left = Math.round((1 - a) * left + a * reflexMean[0]);
                right = Math.round((1 - a) * right + a * reflexMean[1]);
                if (a >= 0.1f) anticipatedTicks++;
            }
        }
        encode(0, left);
        encode(1, right);
        for (int i = 0; i < Math.min(2, out.count()); i++) out.runForever(i, decode(activity, i));
    }

    /** Per wheel: a Gaussian (one exp) per unit to encode, the peak and a window to decode. */
    @Override
    public void countOps(org.ev3cortex.seam.OpCount c) {
        long u = units;
        c.fmath += 2 * u; c.fconv += 2 * (2 * u + 4); c.fcmp += 2 * u; c.dop += 2 * (5 * u + 10);
        c.iop += 2 * (7 * u + 8); c.bytes += 2 * 27 * u;
        if (context != null) { // the premotor read-out: per input, a dot product to read, one and |x|² to learn, the update; one exp
            long in = (long) context.width() * context.height() + 3;
            c.fmul += 4 * in + 6; c.fadd += 4 * in + 3; c.fmath += 1; c.fdiv += 1; c.fconv += 6; c.fcmp += 4;
            c.iop += 6 * in + 20; c.bytes += 53 * in;
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
