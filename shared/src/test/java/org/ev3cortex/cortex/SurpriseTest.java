package org.ev3cortex.cortex;

import org.ev3cortex.agent.AgentSchema;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.ev3cortex.config.Config;
import org.junit.jupiter.api.Test;

/** Surprise is calibrated on noise, and a novel event surprises the area it happens in only. */
class SurpriseTest {

    private static void feedNoise(Sheet sheet, Random r, float[][] frames, double mean, double sd) {
        for (Area a : sheet.areas()) {
            if (!a.predicting()) continue;
            float[] frame = frames[a.index()];
            for (int i = 0; i < frame.length; i++) frame[i] = (float) (mean + sd * r.nextGaussian());
            sheet.input(a, frame, a.width(), a.height());
        }
    }

    private static float[][] frames(Sheet sheet) {
        float[][] frames = new float[sheet.areas().size()][];
        for (Area a : sheet.areas()) frames[a.index()] = new float[a.size()];
        return frames;
    }

    @Test
    void stationaryNoiseAveragesSurpriseOfOne() {
        Sheet sheet = new Sheet(AgentSchema.defaults());
        Random r = new Random(42);
        float[][] frames = frames(sheet);
        double[] sum = new double[sheet.areas().size()];
        int counted = 0;
        for (int t = 0; t < 4000; t++) {
            feedNoise(sheet, r, frames, 0.5, 0.1);
            sheet.step();
            if (t >= 1000) {
                for (Area a : sheet.areas()) sum[a.index()] += sheet.areaSurprise()[a.index()];
                counted++;
            }
        }
        for (Area a : sheet.areas()) {
            if (!a.predicting()) continue;
            assertThat(sum[a.index()] / counted).as(a.name()).isBetween(0.9, 1.15);
        }
    }

    @Test
    void aBarAppearingSurprisesV1LeftAndNoOtherArea() {
        Sheet sheet = new Sheet(AgentSchema.defaults());
        Random r = new Random(7);
        float[][] frames = frames(sheet);
        Area v1 = sheet.area(Area.V1_L);
        for (int t = 0; t < 1500; t++) {
            feedNoise(sheet, r, frames, 0.3, 0.01);
            sheet.step();
        }
        float[] before = sheet.areaSurprise().clone();
        for (int t = 0; t < 4; t++) {
            feedNoise(sheet, r, frames, 0.3, 0.01);
            float[] frame = frames[v1.index()];
            for (int y = 0; y < v1.height(); y++) {
                frame[y * v1.width() + 6] += 0.6f;
                frame[y * v1.width() + 7] += 0.6f;
            }
            sheet.input(v1, frame, v1.width(), v1.height());
            sheet.step();
            float[] s = sheet.areaSurprise();
            if (t == 0) assertThat(s[v1.index()]).as("V1-L at the onset").isGreaterThan(100f);
            for (Area a : sheet.areas()) {
                if (a.predicting() && a != v1) {
                    assertThat(s[a.index()]).as(a.name() + " at tick " + t + " (was " + before[a.index()] + ")")
                            .isLessThan(2.5f);
                }
            }
        }
    }
}
