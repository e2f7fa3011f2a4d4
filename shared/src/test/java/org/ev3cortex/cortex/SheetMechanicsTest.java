package org.ev3cortex.cortex;

import org.ev3cortex.agent.AgentSchema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.lang.management.ManagementFactory;
import java.util.Random;
import org.ev3cortex.config.Config;
import org.junit.jupiter.api.Test;

/** Resampling into areas, the grid maps, and a step that allocates nothing. */
class SheetMechanicsTest {

    @Test
    void aBandVectorIsReplicatedAcrossItsArea() throws Exception {
        // A 16x16 area for 16 bands (the default area is 16x1, one unit per band).
        Sheet sheet = new Sheet(AgentSchema.defaults().with(CortexKeys.AREA_A1L, "0,32,16,16").with(CortexKeys.AREA_A1R, "48,32,16,16"));
        Area a1 = sheet.area(Area.A1_L);
        float[] bands = new float[16];
        for (int i = 0; i < bands.length; i++) bands[i] = i * 0.05f;
        sheet.input(a1, bands, 1, 16);
        for (int y = 0; y < a1.height(); y++) {
            for (int x = 0; x < a1.width(); x++) {
                assertThat(sheet.activity()[a1.start() + y * a1.width() + x]).isEqualTo(bands[y]);
            }
        }
    }

    @Test
    void shrinkingAveragesAndEnlargingInterpolates() {
        Sheet sheet = new Sheet(AgentSchema.defaults());
        Area v1 = sheet.area(Area.V1_R);
        Random r = new Random(1);
        float[] big = new float[32 * 32];
        for (int i = 0; i < big.length; i++) big[i] = r.nextFloat();
        sheet.input(v1, big, 32, 32);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                float box = (big[2 * y * 32 + 2 * x] + big[2 * y * 32 + 2 * x + 1] + big[(2 * y + 1) * 32 + 2 * x]
                        + big[(2 * y + 1) * 32 + 2 * x + 1]) / 4;
                assertThat(sheet.activity()[v1.start() + y * 16 + x]).isCloseTo(box, within(1e-5f));
            }
        }
        // A ramp sampled at half resolution comes back as the same ramp away from the clamped border.
        float[] small = new float[8 * 8];
        for (int y = 0; y < 8; y++) for (int x = 0; x < 8; x++) small[y * 8 + x] = x;
        sheet.input(v1, small, 8, 8);
        for (int x = 1; x < 15; x++) {
            assertThat(sheet.activity()[v1.start() + 5 * 16 + x]).isCloseTo((x + 0.5f) / 2 - 0.5f, within(1e-5f));
        }
    }

    @Test
    void mapsPlaceUnitsAtTheirCellsAndShowTheLatentInTheAssociationRegion() {
        Sheet sheet = new Sheet(AgentSchema.defaults());
        Area s1 = sheet.area(Area.S1);
        float[] v = new float[s1.size()];
        v[0 * s1.width() + 5] = 0.75f;
        sheet.input(s1, v, s1.width(), s1.height());
        sheet.step();
        float[] grid = new float[sheet.width() * sheet.height()];
        sheet.map(Sheet.Quantity.ACTIVITY, grid);
        assertThat(grid[(s1.y() + 0) * sheet.width() + s1.x() + 5]).isEqualTo(0.75f);
        Area assoc = sheet.area(Area.ASSOC);
        assertThat(grid[assoc.y() * sheet.width() + assoc.x()]).isEqualTo(sheet.latent()[0]);
    }

    @Test
    void aStepWithInputsAllocatesNothing() {
        Sheet sheet = new Sheet(AgentSchema.defaults());
        Area v1 = sheet.area(Area.V1_L);
        Area a1 = sheet.area(Area.A1_R);
        float[] frame = new float[24 * 20];
        float[] bands = new float[16];
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        long[] at = new long[7001];
        for (int t = 0; t <= 7000; t++) {
            at[t] = mx.getThreadAllocatedBytes(tid);
            frame[t % frame.length] = t * 1e-3f;
            bands[t % 16] = (t % 7) * 0.1f;
            sheet.input(v1, frame, 24, 20);
            sheet.input(a1, bands, 1, 16);
            sheet.efference(bands, 4, 4);
            sheet.step();
        }
        int stepsThatAllocated = 0;
        for (int t = 5001; t <= 7000; t++) {
            if (at[t] != at[t - 1]) stepsThatAllocated++;
        }
        // A per-step allocation would show in every step; the JIT can, rarely, account a few
        // bytes of its own to this thread, more often on a loaded machine (see
        // LoopReloadAndAllocationTest): allow a few such events, never a pattern.
        assertThat(stepsThatAllocated).as("steps that allocated, of 2000 (%d B in all)", at[7000] - at[5000])
                .isLessThanOrEqualTo(3);
    }
}
