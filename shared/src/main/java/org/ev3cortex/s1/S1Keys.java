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

    public static final List<Key<?>> ALL = List.of(COUNTS_PER_ROT, MAX_SPEED);
    public static final List<Schema.Rule> RULES = List.of();
}
