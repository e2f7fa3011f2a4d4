package org.ev3cortex.sim.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ev3cortex.seam.MotorCommands;
import org.ev3cortex.seam.TickObserver;
import org.ev3cortex.body.Snapshot;
import org.ev3cortex.cortex.Area;
import org.ev3cortex.cortex.Sheet;

/**
 * Scores the sheet's next-input prediction per area over a run against the copy-last baseline
 * (predict that nothing changes): sums of squared errors, accumulated without allocation.
 * Also keeps each area's mean surprise.
 */
public final class PredictionScore implements TickObserver {
    private final Sheet sheet;
    private final List<Area> areas;
    private final float[] previous;
    private final double[] sheetSq;
    private final double[] copyLastSq;
    private final double[] surpriseSum;
    private final double[] lastSheetSq;
    private final double[] lastCopyLastSq;
    private long ticks;

    /**
     * An area is flagged worse than copy-last when its squared error is more than this fraction
     * above copy-last's: an area that copies its last input (M1 between behaviour switches) can
     * land a hair either side of 1, which is not a finding.
     */
    public static final double WORSE_MARGIN = 1e-3;

    public PredictionScore(Sheet sheet) {
        this.sheet = sheet;
        this.areas = sheet.areas();
        this.previous = new float[sheet.activity().length];
        this.sheetSq = new double[areas.size()];
        this.copyLastSq = new double[areas.size()];
        this.surpriseSum = new double[areas.size()];
        this.lastSheetSq = new double[areas.size()];
        this.lastCopyLastSq = new double[areas.size()];
    }

    @Override
    public void afterTick(long tick, Snapshot snapshot, MotorCommands commands) {
        float[] x = sheet.activity();
        float[] e = sheet.error();
        float[] areaSurprise = sheet.areaSurprise();
        for (int a = 0; a < areas.size(); a++) {
            Area area = areas.get(a);
            if (!area.predicting()) continue;
            int from = area.start();
            int to = from + area.size();
            double s = 0;
            double c = 0;
            for (int i = from; i < to; i++) {
                s += e[i] * (double) e[i];
                double d = x[i] - previous[i];
                c += d * d;
            }
            if (ticks > 0) {
                sheetSq[a] += s;
                copyLastSq[a] += c;
                lastSheetSq[a] = s;
                lastCopyLastSq[a] = c;
            }
            surpriseSum[a] += areaSurprise[area.index()];
        }
        System.arraycopy(x, 0, previous, 0, x.length);
        ticks++;
    }

    /** Area {@code a}'s ({@link Area#index()}) summed squared sheet error of the last tick; 0 before the second. */
    public double lastSheetSq(int a) { return lastSheetSq[a]; }
    /** The same for copy-last. */
    public double lastCopyLastSq(int a) { return lastCopyLastSq[a]; }
    /** Area {@code a}'s summed squared sheet error over the run so far. */
    public double sheetSq(int a) { return sheetSq[a]; }
    /** The same for copy-last. */
    public double copyLastSq(int a) { return copyLastSq[a]; }

    /** Per area: mean surprise, sheet MSE, copy-last MSE, their ratio and whether the sheet did worse. */
    public Map<String, Object> summary() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int a = 0; a < areas.size(); a++) {
            Area area = areas.get(a);
            if (!area.predicting()) continue;
            double n = Math.max(1, (ticks - 1) * (double) area.size());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("meanSurprise", surpriseSum[a] / Math.max(1, ticks));
            m.put("sheetMse", sheetSq[a] / n);
            m.put("copyLastMse", copyLastSq[a] / n);
            m.put("sheetOverCopyLast", copyLastSq[a] > 0 ? sheetSq[a] / copyLastSq[a] : Double.NaN);
            m.put("worseThanCopyLast", sheetSq[a] > copyLastSq[a] * (1 + WORSE_MARGIN));
            out.put(area.name(), m);
        }
        return out;
    }
}
