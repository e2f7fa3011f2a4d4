package org.ev3cortex.cortex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ev3cortex.cortex.SheetTestSupport.meanSq;
import static org.ev3cortex.cortex.SheetTestSupport.only;

import org.junit.jupiter.api.Test;

/** Each predictor family does what it is for, measured against an independent baseline. */
class PredictorFamiliesTest {

    @Test
    void ratesOfChangePredictALinearRampAlmostExactly() {
        Sheet sheet = new Sheet(only(true, false, true, false, false));
        Area v1 = sheet.area(Area.V1_L);
        int w = v1.width();
        int h = v1.height();
        float[] frame = new float[w * h];
        double slope = 1e-3;
        double lateSheet = 0;
        int late = 0;
        for (int t = 0; t < 3000; t++) {
            for (int i = 0; i < frame.length; i++) frame[i] = (float) (0.1 + 0.002 * i + slope * t);
            sheet.input(v1, frame, w, h);
            sheet.step();
            if (t >= 2900) {
                lateSheet += meanSq(sheet.error(), v1.start(), v1.size());
                late++;
            }
        }
        double rmsSheet = Math.sqrt(lateSheet / late);
        // Copy-last is off by exactly the slope each tick; the Taylor features must do far better.
        assertThat(rmsSheet).isLessThan(0.01 * slope);
    }

    @Test
    void cyclesBeatCopyLastOnASinusoidAndNothingElseDoes() {
        double withCycles = sinusoidRatio(only(false, true, true, false, false));
        double meanOnly = sinusoidRatio(only(false, false, true, false, false));
        assertThat(withCycles).isLessThan(0.2);
        // The control: without the cycles feature the prior alone is far worse than copy-last.
        assertThat(meanOnly).isGreaterThan(1.5);
    }

    /**
     * A rhythm of onsets (a 3-tick pulse every P ticks) with a different period in each half of
     * the area, one of them beyond the old 12-tick lag bank: each unit finds its own period (the
     * lag bracket P-1..P or P..P+1 contains it) and the cycles feature predicts the onsets.
     */
    @Test
    void eachUnitFindsItsOwnPeriodUpToTwoSeconds() {
        Sheet sheet = new Sheet(with(only(false, true, true, false, false), CortexKeys.PREDICT_FALLBACK, false));
        Area a1 = sheet.area(Area.A1_L);
        int n = a1.size();
        int[] periods = {7, 19};
        float[] frame = new float[n];
        float[] last = new float[n];
        double sheetSq = 0;
        double copySq = 0;
        for (int t = 0; t < 3000; t++) {
            for (int i = 0; i < n; i++) {
                int p = periods[i < n / 2 ? 0 : 1];
                frame[i] = (t + i) % p < 3 ? 0.8f : 0.1f;
            }
            sheet.input(a1, frame, a1.width(), a1.height());
            sheet.step();
            if (t >= 2500) {
                sheetSq += meanSq(sheet.error(), a1.start(), n);
                double c = 0;
                for (int i = 0; i < n; i++) c += (frame[i] - last[i]) * (frame[i] - last[i]);
                copySq += c / n;
            }
            System.arraycopy(frame, 0, last, 0, n);
        }
        for (int i = 0; i < n; i++) {
            int p = periods[i < n / 2 ? 0 : 1];
            assertThat(sheet.period(a1.start() + i)).as("unit %d's bracket", i).isBetween(p - 1, p);
        }
        assertThat(sheetSq / copySq).isLessThan(0.05);
    }

    /** Sheet MSE over copy-last MSE on the last 500 of 4000 ticks of a per-unit-phased sinusoid. */
    private static double sinusoidRatio(org.ev3cortex.config.Config config) {
        // The families alone: the fallback to copy-last would hide what each one adds.
        Sheet sheet = new Sheet(with(config, CortexKeys.PREDICT_FALLBACK, false));
        Area a1 = sheet.area(Area.A1_L);
        float[] frame = new float[a1.size()];
        float[] last = new float[a1.size()];
        double period = 12.7;
        double sheetSq = 0;
        double copySq = 0;
        for (int t = 0; t < 4000; t++) {
            for (int i = 0; i < frame.length; i++) {
                frame[i] = (float) (0.5 + 0.3 * Math.sin(2 * Math.PI * t / period + 0.37 * i));
            }
            sheet.input(a1, frame, a1.width(), a1.height());
            sheet.step();
            if (t >= 3500) {
                sheetSq += meanSq(sheet.error(), a1.start(), a1.size());
                double c = 0;
                for (int i = 0; i < frame.length; i++) c += (frame[i] - last[i]) * (frame[i] - last[i]);
                copySq += c / frame.length;
            }
            System.arraycopy(frame, 0, last, 0, frame.length);
        }
        return sheetSq / copySq;
    }

    private static <T> org.ev3cortex.config.Config with(org.ev3cortex.config.Config c, org.ev3cortex.config.Key<T> k, T v) {
        try {
            return c.with(k, v);
        } catch (org.ev3cortex.config.ConfigException e) {
            throw new AssertionError(e);
        }
    }
}
