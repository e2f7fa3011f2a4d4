package org.ev3cortex.s1;

import java.util.List;
import org.ev3cortex.config.Key;
import org.ev3cortex.config.Schema;

/** Keys of the somatosensory pathway: the scales that normalise motor and touch readings. */
public final class S1Keys {
    private S1Keys() {}

    public static final Key<Integer> COUNTS_PER_ROT = Key.intKey("s1.countsPerRot", 360)
            .unit("counts").range(1, 100_000)
            .doc("Tacho counts per output-shaft turn (ev3dev count_per_rot); the position slot is the shaft angle.");
    public static final Key<Integer> MAX_SPEED = Key.intKey("s1.maxSpeedCountsPerSec", 1050)
            .unit("counts/s").range(1, 100_000)
            .doc("Speed that maps to 1 (the EV3 large motor's max_speed); faster readings clamp.");

    // S1's forward model of the wheels (EfferenceMonitor). The names keep the m1. prefix they have
    // always had, so existing properties files stay valid.
    public static final Key<Boolean> STALL_USE_FLAG = Key.boolKey("m1.stall.useFlag", true)
            .doc("Also treat ev3dev's 'stalled' flag as a stall (detection never depends on it).");
    public static final Key<Double> STALL_RATIO = Key.doubleKey("m1.stall.ratio", 0.35).range(0, 1)
            .doc("A wheel turning slower than this fraction of the forward model's prediction is mismatched.");
    public static final Key<Integer> STALL_MIN_SPEED = Key.intKey("m1.stall.minExpectedCountsPerSec", 120)
            .unit("counts/s").range(0, 1560).doc("Mismatch counts only when the predicted speed is at least this.");
    public static final Key<Integer> STALL_TICKS = Key.intKey("m1.stall.ticks", 2).unit("ticks").range(1, 100)
            .doc("Consecutive mismatched ticks that make a stall.");
    public static final Key<Double> CONTACT_SURPRISE = Key.doubleKey("m1.stall.surprise", 36).range(0, 1e9)
            .doc("A contact is also a surprise of the forward model on the robot's forward speed (the wheels' mean):"
                    + " its squared error over its learned variance at least this (36: six standard deviations), the"
                    + " robot slower than predicted. One tick suffices, so grazing touches count; 0 turns it off.");
    public static final Key<Double> FORWARD_MODEL_RATE = Key.doubleKey("m1.forwardModel.learningRate", 0.05)
            .range(0, 1).doc("NLMS rate of S1's forward model of wheel speed (speed[t] from speed[t-1], command[t-1]).");

    public static final List<Key<?>> ALL = List.of(COUNTS_PER_ROT, MAX_SPEED, STALL_USE_FLAG, STALL_RATIO,
            STALL_MIN_SPEED, STALL_TICKS, CONTACT_SURPRISE, FORWARD_MODEL_RATE);
    public static final List<Schema.Rule> RULES = List.of();
}
