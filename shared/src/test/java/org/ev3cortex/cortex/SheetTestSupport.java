package org.ev3cortex.cortex;

import org.ev3cortex.agent.AgentSchema;
import org.ev3cortex.config.Config;
import org.ev3cortex.config.ConfigException;

/** Config helpers for the sheet tests. */
final class SheetTestSupport {
    private SheetTestSupport() {}

    /** Defaults with only the named predictor families on. */
    static Config only(boolean rates, boolean cycles, boolean stats, boolean space, boolean topDown) {
        try {
            return AgentSchema.defaults()
                    .with(CortexKeys.PREDICT_RATES, rates)
                    .with(CortexKeys.PREDICT_CYCLES, cycles)
                    .with(CortexKeys.PREDICT_STATS, stats)
                    .with(CortexKeys.PREDICT_SPACE, space)
                    .with(CortexKeys.PREDICT_TOP_DOWN, topDown)
                    .with(CortexKeys.PREDICT_EFFERENCE, false);
        } catch (ConfigException e) {
            throw new AssertionError(e);
        }
    }

    /** Mean of {@code a[start .. start+len)} squared. */
    static double meanSq(float[] a, int start, int len) {
        double s = 0;
        for (int i = start; i < start + len; i++) s += (double) a[i] * a[i];
        return s / len;
    }
}
