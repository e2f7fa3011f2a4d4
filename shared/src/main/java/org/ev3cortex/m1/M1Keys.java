package org.ev3cortex.m1;

import java.util.List;
import org.ev3cortex.config.Key;
import org.ev3cortex.config.Schema;

/** Keys of the motor cortex: its population code. */
public final class M1Keys {
    private M1Keys() {}

    public static final Key<Integer> UNITS_PER_WHEEL = Key.intKey("m1.unitsPerWheel", 16).range(3, 256).restartOnly()
            .doc("M1 population size per wheel; preferred speeds are spread evenly over [-max, max].");
    public static final Key<Double> TUNING_WIDTH = Key.doubleKey("m1.tuningWidth", 0.2).range(0.01, 2)
            .doc("Width (s.d.) of each M1 unit's Gaussian tuning curve, as a fraction of the max speed.");
    public static final Key<Double> CORTEX_WEIGHT = Key.doubleKey("m1.cortex.weight", 0.0).range(0, 1)
            .doc("The learned M1: each wheel's command is (1 - w) x the behaviours' speed + w x the speed the sheet's M1"
                    + " units predicted from the senses; 0 is the behaviours alone.");
    public static final List<Key<?>> ALL = List.of(UNITS_PER_WHEEL, TUNING_WIDTH, CORTEX_WEIGHT);

    public static final List<Schema.Rule> RULES = List.of();
}
