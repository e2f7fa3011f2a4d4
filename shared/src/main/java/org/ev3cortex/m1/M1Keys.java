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
            .doc("The learned M1: outside the contact reflex each wheel's command moves w x p of the way to the reflex's learned"
                    + " first command, p being the premotor read-out's probability that the reflex fires within"
                    + " m1.premotor.horizonTicks (from the first contact on); 0 is the behaviours alone (the read-out still learns).");
    public static final Key<Integer> PREMOTOR_HORIZON = Key.intKey("m1.premotor.horizonTicks", 6).unit("ticks").range(2, 100)
            .doc("How far ahead the premotor read-out predicts the contact reflex.");
    public static final Key<Integer> PREMOTOR_LEAD = Key.intKey("m1.premotor.leadTicks", 2).unit("ticks").range(1, 99)
            .doc("Context this close before a contact reflex is not learned from (the contact had already begun); also how many"
                    + " of the reflex's first ticks M1 learns its command from.");
    public static final Key<Double> PREMOTOR_RATE = Key.doubleKey("m1.premotor.rate", 0.05).range(0, 1)
            .doc("Learning rate of the premotor read-out (normalised logistic regression).");
    public static final Key<Double> PREMOTOR_POSITIVE_WEIGHT = Key.doubleKey("m1.premotor.positiveWeight", 5.0).range(1, 1000)
            .doc("Weight of a context that a contact reflex followed, against one that none followed (contacts are rare).");
    public static final Key<Double> PREMOTOR_REFLEX_RATE = Key.doubleKey("m1.premotor.reflexRate", 0.05).range(0, 1)
            .doc("Rate of M1's running mean of the contact reflex's first command (a plain mean until 1/rate samples).");
    public static final List<Key<?>> ALL = List.of(UNITS_PER_WHEEL, TUNING_WIDTH, CORTEX_WEIGHT, PREMOTOR_HORIZON, PREMOTOR_LEAD,
            PREMOTOR_RATE, PREMOTOR_POSITIVE_WEIGHT, PREMOTOR_REFLEX_RATE);

    public static final List<Schema.Rule> RULES = List.of(
            Schema.Rule.ordered(PREMOTOR_LEAD, -1, true, PREMOTOR_HORIZON, "must be below", "", ", or no context is ever learned from"));
}
