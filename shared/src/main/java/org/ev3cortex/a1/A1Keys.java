package org.ev3cortex.a1;

import java.util.List;
import org.ev3cortex.body.BodyKeys;
import org.ev3cortex.config.Config;
import org.ev3cortex.config.Key;
import org.ev3cortex.config.Schema;

/**
 * Keys of the auditory pathway. The window length N is {@link BodyKeys#MIC_WINDOW_FRAMES}: the
 * snapshot already holds exactly the newest N frames.
 */
public final class A1Keys {
    private A1Keys() {}

    public static final Key<Integer> BANDS = Key.intKey("a1.bands", 16)
            .range(1, 1024).restartOnly()
            .doc("Mel-spaced frequency bands per channel (rows of each A1 area).");
    public static final Key<Double> MIN_HZ = Key.doubleKey("a1.minHz", 100.0)
            .unit("Hz").range(0, 48_000)
            .doc("Lower edge of the lowest band.");
    public static final Key<Double> MAX_HZ = Key.doubleKey("a1.maxHz", 0.0)
            .unit("Hz").range(0, 48_000)
            .doc("Upper edge of the highest band; 0 means the Nyquist frequency (half the sample rate).");
    public static final Key<Double> FLOOR_DB = Key.doubleKey("a1.floorDb", -90.0)
            .unit("dB").range(-200, -1)
            .doc("Log compression: band power at this level (dB re a full-scale sine) maps to 0, 0 dB maps to 1.");

    public static final List<Key<?>> ALL = List.of(BANDS, MIN_HZ, MAX_HZ, FLOOR_DB);

    public static final List<Schema.Rule> RULES = List.of(
            new Schema.Rule(BodyKeys.MIC_WINDOW_FRAMES) {
                @Override
                public String check(Config c) {
                    return A1.Settings.of(c).windowProblem();
                }
            },
            new Schema.Rule(MAX_HZ) {
                @Override
                public String check(Config c) {
                    return A1.Settings.of(c).rangeProblem();
                }
            },
            new Schema.Rule(BANDS) {
                @Override
                public String check(Config c) {
                    return A1.Settings.of(c).bandsProblem();
                }
            });
}
