package org.ev3cortex.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.ev3cortex.config.Config;
import org.ev3cortex.cortex.CortexKeys;
import org.ev3cortex.seam.LoopKeys;
import org.ev3cortex.seam.OpCount;
import org.ev3cortex.v1.V1Keys;
import org.junit.jupiter.api.Test;

/** The brick budget: the cost table applied to the counts, deterministic, growing with the work. */
class BrickBudgetTest {

    @Test
    void theCostTableTurnsCountsIntoBrickMilliseconds() {
        OpCount c = new OpCount();
        c.fadd = 1000;   // 44 instructions each, x1.5 for C1's call
        c.iop = 2000;    // 1 each
        c.bytes = 4000;  // a quarter each
        double instructions = 1000 * 44 * 1.5 + 2000 + 1000;
        assertThat(BrickBudget.ms(c)).isCloseTo(instructions / 200_000, within(1e-9));
    }

    @Test
    void theTotalIsTheSumOfTheStagesAndTheShareIsOfThePeriod() throws Exception {
        Config c = AgentSchema.defaults().with(LoopKeys.PERIOD_MS, 200);
        BrickBudget b = BrickBudget.of(c);
        assertThat(b.lines()).extracting(l -> l.stage)
                .containsExactly("v1", "a1", "s1", "insula", "cortex", "s1-efference", "basal-ganglia", "m1");
        double sum = 0;
        for (BrickBudget.Line l : b.lines()) sum += l.ms;
        assertThat(b.totalMs()).isCloseTo(sum, within(1e-9));
        assertThat(b.percentOfPeriod()).isCloseTo(100 * sum / 200, within(1e-9));
        assertThat(b.describe().trim()).endsWith(String.format(java.util.Locale.ROOT,
                "total: %.0f ms of the 200 ms period (%.0f%%)", sum, 100 * sum / 200));
        // The model is deterministic: the same config gives the same figure.
        assertThat(BrickBudget.of(c).totalMs()).isEqualTo(b.totalMs());
    }

    @Test
    void theEstimateGrowsWithTheWork() throws Exception {
        Config c = AgentSchema.defaults();
        double base = BrickBudget.of(c).totalMs();
        double cortexBase = cortexMs(BrickBudget.of(c));
        assertThat(cortexMs(BrickBudget.of(c.with(CortexKeys.CYCLES_MAX_PERIOD, 40)))).isGreaterThan(cortexBase);
        assertThat(BrickBudget.of(c.with(CortexKeys.CYCLES_MAX_PERIOD, 40)).totalMs()).isGreaterThan(base);
        assertThat(BrickBudget.of(c.with(V1Keys.KERNEL_RADIUS_PX, 2)).totalMs()).isLessThan(base);
    }

    private static double cortexMs(BrickBudget b) {
        for (BrickBudget.Line l : b.lines()) if (l.stage.equals("cortex")) return l.ms;
        throw new AssertionError("no cortex line");
    }

    @Test
    void theDefaultConfigFitsHalfTheBricksPeriod() {
        // The model is deterministic: this is a count, not a timing. Half the period leaves the
        // other half to the device reads, the write phase, the JVM, ffmpeg, arecord and the OS.
        BrickBudget b = BrickBudget.of(AgentSchema.defaults());
        assertThat(b.totalMs()).as(b.describe()).isLessThanOrEqualTo(50.0);
    }
}
