package org.ev3cortex.insula;

import java.util.List;
import org.ev3cortex.config.Key;
import org.ev3cortex.config.Schema;

/** Keys of the interoceptive pathway: the ranges that map the body's state to [0, 1]. */
public final class InsulaKeys {
    private InsulaKeys() {}

    public static final Key<Double> BATTERY_EMPTY_V = Key.doubleKey("insula.batteryEmptyV", 5.5)
            .unit("V").range(0, 20)
            .doc("Battery voltage that maps to 0.");
    public static final Key<Double> BATTERY_FULL_V = Key.doubleKey("insula.batteryFullV", 9.0)
            .unit("V").range(0, 20)
            .doc("Battery voltage that maps to 1 (six fresh AA cells; 8.3 V for the rechargeable pack).");
    public static final Key<Double> MAX_CURRENT_A = Key.doubleKey("insula.maxCurrentA", 3.0)
            .unit("A").range(0.01, 100)
            .doc("Battery current that maps to 1.");
    public static final Key<Double> COOL_C = Key.doubleKey("insula.coolC", 20.0)
            .unit("°C").range(-50, 150)
            .doc("Temperature that maps to 0.");
    public static final Key<Double> HOT_C = Key.doubleKey("insula.hotC", 90.0)
            .unit("°C").range(-50, 200)
            .doc("Temperature that maps to 1.");
    public static final Key<Integer> MAX_PROCESSES = Key.intKey("insula.maxProcesses", 200)
            .range(1, 1_000_000)
            .doc("Process count that maps to 1.");

    public static final List<Key<?>> ALL = List.of(BATTERY_EMPTY_V, BATTERY_FULL_V, MAX_CURRENT_A, COOL_C, HOT_C, MAX_PROCESSES);

    public static final List<Schema.Rule> RULES = List.of(
            Schema.Rule.ordered(BATTERY_FULL_V, 1, true, BATTERY_EMPTY_V, "must be above", " V", ""),
            Schema.Rule.ordered(HOT_C, 1, true, COOL_C, "must be above", " °C", ""));
}
