package org.ev3cortex.cortex;

import java.util.ArrayList;
import java.util.List;
import org.ev3cortex.config.Key;
import org.ev3cortex.config.Schema;

/**
 * Keys of the cortical sheet: its size, the layout of its areas, the input sizes the areas must
 * hold, the predictor families (each can be switched off to see what it contributes) and the
 * learning rates.
 */
public final class CortexKeys {
    private CortexKeys() {}

    public static final Key<Integer> WIDTH = Key.intKey("cortex.width", 64)
            .unit("units").range(8, 4096).restartOnly()
            .doc("Sheet width in units (x runs from the left hemisphere's side to the right's).");
    public static final Key<Integer> HEIGHT = Key.intKey("cortex.height", 48)
            .unit("units").range(8, 4096).restartOnly()
            .doc("Sheet height in units (y = 0 is the front edge, y = height - 1 the back).");

    // Areas: "x,y,w,h" in units, y = 0 at the front. V1 at the back, A1 beside it, S1|M1 at the
    // front straddling V1's vertical axis (x = 32), the Insula apart, association in between.
    public static final Key<String> AREA_V1L = area("v1L", "16,32,16,16", "V1-L (left visual hemifield)");
    public static final Key<String> AREA_V1R = area("v1R", "32,32,16,16", "V1-R (right visual hemifield)");
    public static final Key<String> AREA_A1L = area("a1L", "0,32,16,1", "A1-L (left ear's bands)");
    public static final Key<String> AREA_A1R = area("a1R", "48,32,16,1", "A1-R (right ear's bands)");
    public static final Key<String> AREA_S1 = area("s1", "19,1,13,1", "S1 (motors and touch; takes M1's efference copy)");
    public static final Key<String> AREA_M1 = area("m1", "32,0,16,2", "M1 (motor population, read by the motor stage)");
    public static final Key<String> AREA_INSULA = area("insula", "0,1,6,1", "Insula (battery and system state)");
    public static final Key<String> AREA_ASSOC = area("assoc", "0,2,64,30",
            "the association region (the folded autoencoder's latent units, shown as tiles)");


    public static final Key<Boolean> PREDICT_RATES = Key.boolKey("cortex.predict.rates", true)
            .doc("Rates of change: each unit's own level and its first and second differences.");
    public static final Key<Boolean> PREDICT_CYCLES = Key.boolKey("cortex.predict.cycles", true)
            .doc("Cycles: the unit's own input one period ago and one tick before that, the period estimated per area"
                    + " (2..cortex.cycles.maxPeriod ticks) from the autocorrelation of the area's activity.");
    public static final Key<Boolean> PREDICT_STATS = Key.boolKey("cortex.predict.stats", true)
            .doc("Statistics: predict around the running mean (the prior) instead of around zero.");
    public static final Key<Boolean> PREDICT_SPACE = Key.boolKey("cortex.predict.space", true)
            .doc("Space: the four neighbours' levels in the same area, with learned weights.");
    public static final Key<Boolean> PREDICT_TOP_DOWN = Key.boolKey("cortex.predict.topDown", true)
            .doc("Top-down: the association layer's reconstruction of the unit's error.");
    public static final Key<Boolean> PREDICT_EFFERENCE = Key.boolKey("cortex.predict.efference", true)
            .doc("The efference copy: M1's population for S1, the issued wheel speeds (forward, turn and their"
                    + " change) for A1, and V1's corollary discharge (v1.corollary) for V1.");
    public static final Key<Boolean> PREDICT_CONTEXT = Key.boolKey("cortex.predict.context", false)
            .doc("M1 only: the input areas' activity, pooled as the association layer pools their errors, so M1 can"
                    + " learn what the behaviours will command from what the senses show (off by default: 3.5 ms of the"
                    + " brick budget, and it did not help; the learned M1 of m1.cortex.weight reads the same pools without it).");
    public static final Key<Boolean> PREDICT_FALLBACK = Key.boolKey("cortex.predict.fallback", true)
            .doc("Each unit predicts with the best of its own sheet prediction, copy-last and its running mean,"
                    + " by their recent squared errors, so it is never worse than the better baseline for long;"
                    + " it still learns from its own sheet error.");
    public static final Key<Double> FALLBACK_RATE = Key.doubleKey("cortex.fallback.rate", 0.005)
            .unit("1/tick").range(1e-4, 1)
            .doc("Rate of the running squared errors that pick each unit's predictor.");

    public static final Key<Integer> CYCLES_MAX_PERIOD = Key.intKey("cortex.cycles.maxPeriod", 20)
            .unit("ticks").range(3, 200).restartOnly()
            .doc("Longest period the cycles feature finds (20 ticks: 2 s at 10 Hz); the sheet keeps twice this much history, for the long lag.");
    public static final Key<Double> CYCLES_RATE = Key.doubleKey("cortex.cycles.rate", 0.01)
            .unit("1/tick").range(1e-5, 1)
            .doc("Rate of each area's running autocorrelation, from which its period is picked.");
    public static final Key<Double> FALLBACK_MARGIN = Key.doubleKey("cortex.fallback.margin", 0.1)
            .range(0, 0.9)
            .doc("The sheet's own prediction is used only while its recent squared error is this fraction below"
                    + " both baselines' (0: whenever it is lowest): on signals where it barely wins, copy-last is exact"
                    + " more often.");
    public static final Key<Double> LMS_RATE = Key.doubleKey("cortex.lms.rate", 0.1)
            .range(0, 1.9)
            .doc("Normalised LMS step: w += rate * e * f / (epsilon + |f|^2); 0 freezes the weights.");
    public static final Key<Double> LMS_EPSILON = Key.doubleKey("cortex.lms.epsilon", 1e-4)
            .range(1e-12, 10)
            .doc("Regulariser of the normalised LMS step, in squared input units.");
    public static final Key<Double> MEAN_RATE = Key.doubleKey("cortex.stats.meanRate", 0.02)
            .unit("1/tick").range(1e-6, 1)
            .doc("Rate of each unit's running mean (the prior).");
    public static final Key<Double> VAR_RATE = Key.doubleKey("cortex.stats.varRate", 0.02)
            .unit("1/tick").range(1e-6, 1)
            .doc("Rate of each unit's running error variance sigma^2 (surprise is e^2 / sigma^2).");
    public static final Key<Double> VAR_FLOOR = Key.doubleKey("cortex.stats.varFloor", 1e-6)
            .range(1e-12, 1)
            .doc("Added to sigma^2 so a unit that predicts perfectly is not infinitely surprised.");

    public static final Key<Integer> ASSOC_LATENT = Key.intKey("cortex.assoc.latent", 16)
            .unit("units").range(1, 1024).restartOnly()
            .doc("Latent units of the folded autoencoder (the association layer).");
    public static final Key<Integer> ASSOC_POOL = Key.intKey("cortex.assoc.pool", 4)
            .unit("units").range(1, 64).restartOnly()
            .doc("Density gradient: each association input pools a pool x pool block of an input area's errors.");
    public static final Key<Double> ASSOC_RATE = Key.doubleKey("cortex.assoc.rate", 0.002)
            .range(0, 1)
            .doc("Learning rate of the generalised Hebbian (Sanger) rule that keeps the decoder the encoder's inverse.");

    public static final List<Key<String>> AREA_KEYS = List.of(AREA_V1L, AREA_V1R, AREA_A1L, AREA_A1R, AREA_S1,
            AREA_M1, AREA_INSULA, AREA_ASSOC);

    public static final List<Key<?>> ALL;
    /** The layout's rules need the pathways' shapes: the composition root adds them (Layout.rules). */
    public static final List<Schema.Rule> RULES = List.of();

    static {
        List<Key<?>> all = new ArrayList<>(List.of(WIDTH, HEIGHT));
        all.addAll(AREA_KEYS);
        all.addAll(List.of(PREDICT_RATES, PREDICT_CYCLES, PREDICT_STATS, PREDICT_SPACE, PREDICT_TOP_DOWN, PREDICT_EFFERENCE,
                PREDICT_CONTEXT, PREDICT_FALLBACK, FALLBACK_RATE, FALLBACK_MARGIN, CYCLES_MAX_PERIOD, CYCLES_RATE, LMS_RATE, LMS_EPSILON, MEAN_RATE, VAR_RATE, VAR_FLOOR,
                ASSOC_LATENT, ASSOC_POOL, ASSOC_RATE));
        ALL = List.copyOf(all);
    }

    private static Key<String> area(String name, String def, String what) {
        return Key.stringKey("cortex.area." + name, def).unit("x,y,w,h").restartOnly()
                .doc("Rectangle of " + what + " on the sheet, in units.");
    }

}
