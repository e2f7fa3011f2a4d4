package org.ev3cortex.sim.tools.predict;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.ev3cortex.config.Config;
import org.ev3cortex.cortex.Area;
import org.ev3cortex.cortex.CortexKeys;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Per-tick next-input MSE of the sheet and of four per-unit baselines, per area, computed here
 * from the sheet's input stream alone (independently of the sheet's own state):
 * <ul>
 *   <li>copy-last: {@code x[t-1]};</li>
 *   <li>running mean: the unit's mean at {@code cortex.stats.meanRate};</li>
 *   <li>linear extrapolation: {@code 2 x[t-1] − x[t-2]};</li>
 *   <li>NLMS on own history: the sheet's own learner ({@code cortex.lms.rate},
 *       {@code cortex.lms.epsilon}) on the unit's last three values around its running mean,
 *       and nothing else: what the sheet must beat to show that its other features help.</li>
 * </ul>
 * Tick 0 has no prediction and is skipped.
 */
public final class Score {
    public static final String[] PREDICTORS = {"sheet", "copyLast", "runningMean", "linear", "nlmsOwn"};
    static final int SHEET = 0;
    static final int COPY_LAST = 1;
    static final int MEAN = 2;
    static final int LINEAR = 3;
    static final int NLMS = 4;
    private static final int TAPS = 3;

    final List<Area> areas;
    final int ticks;
    /** [predictor][area][tick] MSE. */
    final double[][][] mse;

    private final float meanRate;
    private final float lmsRate;
    private final float lmsEpsilon;
    private final float[] last;
    private final float[] last2;
    private final float[] mean;
    private final float[] hist; // TAPS values per unit, newest first
    private final float[] w;
    private final float[] pNlms;

    public Score(List<Area> areas, int ticks, int units, Config config) {
        this.areas = areas;
        this.ticks = ticks;
        this.mse = new double[PREDICTORS.length][areas.size()][ticks];
        this.meanRate = config.get(CortexKeys.MEAN_RATE).floatValue();
        this.lmsRate = config.get(CortexKeys.LMS_RATE).floatValue();
        this.lmsEpsilon = config.get(CortexKeys.LMS_EPSILON).floatValue();
        last = new float[units];
        last2 = new float[units];
        mean = new float[units];
        hist = new float[TAPS * units];
        w = new float[TAPS * units];
        pNlms = new float[units];
    }

    /** Scores tick {@code t}: {@code x} the sheet's input, {@code e} its error (x − its prediction). Allocates nothing. */
    public void observe(int t, float[] x, float[] e) {
        if (t >= ticks) return;
        for (int a = 0; a < areas.size(); a++) {
            Area area = areas.get(a);
            double s = 0, c = 0, m = 0, l = 0, q = 0;
            for (int i = area.start(), end = area.start() + area.size(); i < end; i++) {
                float xi = x[i];
                int h = TAPS * i;
                if (t == 0) {
                    mean[i] = xi;
                    last2[i] = xi;
                    w[h] = 1f;
                    for (int k = 0; k < TAPS; k++) hist[h + k] = xi;
                } else {
                    s += (double) e[i] * e[i];
                    c += sq(xi - last[i]);
                    m += sq(xi - mean[i]);
                    l += sq(xi - (2 * last[i] - last2[i]));
                    float en = xi - pNlms[i];
                    q += sq(en);
                    // NLMS update on the features that made pNlms (the history before xi).
                    float norm = lmsEpsilon;
                    for (int k = 0; k < TAPS; k++) norm += sq(hist[h + k] - mean[i]);
                    float g = lmsRate * en / norm;
                    for (int k = 0; k < TAPS; k++) w[h + k] += g * (hist[h + k] - mean[i]);
                    mean[i] += meanRate * (xi - mean[i]);
                    last2[i] = last[i];
                    for (int k = TAPS - 1; k > 0; k--) hist[h + k] = hist[h + k - 1];
                    hist[h] = xi;
                }
                last[i] = xi;
                float p = mean[i];
                for (int k = 0; k < TAPS; k++) p += w[h + k] * (hist[h + k] - mean[i]);
                pNlms[i] = p;
            }
            int size = area.size();
            mse[SHEET][a][t] = s / size;
            mse[COPY_LAST][a][t] = c / size;
            mse[MEAN][a][t] = m / size;
            mse[LINEAR][a][t] = l / size;
            mse[NLMS][a][t] = q / size;
        }
    }

    private static float sq(float v) {
        return v * v;
    }

    private int window() {
        return Math.max(1, ticks / 10);
    }

    static double mean(double[] v, int from, int to) {
        double s = 0;
        for (int t = from; t < to; t++) s += v[t];
        return s / (to - from);
    }

    /** Every predictor's MSE of area {@code a} over the first (false) or last (true) 10%, in {@link #PREDICTORS} order. */
    public double[] mse(int a, boolean lastTenth) {
        int from = lastTenth ? ticks - window() : 1;
        int to = lastTenth ? ticks : 1 + window();
        double[] out = new double[PREDICTORS.length];
        for (int k = 0; k < out.length; k++) out[k] = mean(mse[k][a], from, to);
        return out;
    }

    private int areaIndex(String area) {
        for (int a = 0; a < areas.size(); a++) if (areas.get(a).name().equals(area)) return a;
        throw new IllegalArgumentException("area not scored: " + area);
    }

    /** Sheet MSE ÷ copy-last MSE over the whole run (from tick 1), for the named area. */
    public double wholeRatio(String area) {
        int a = areaIndex(area);
        return mean(mse[SHEET][a], 1, ticks) / mean(mse[COPY_LAST][a], 1, ticks);
    }

    /** Sheet MSE ÷ copy-last MSE over the last 10% of ticks, for the named area. */
    public double lastRatio(String area) {
        return lastRatio(area, "copyLast");
    }

    /** Sheet MSE ÷ the named baseline's MSE ({@link #PREDICTORS}) over the last 10% of ticks. */
    public double lastRatio(String area, String baseline) {
        double[] m = mse(areaIndex(area), true);
        return m[SHEET] / m[List.of(PREDICTORS).indexOf(baseline)];
    }

    String json(String stream, List<String> sets) {
        StringBuilder sb = new StringBuilder();
        sb.append("{\n  \"stream\": \"").append(stream).append("\",\n  \"ticks\": ").append(ticks)
                .append(",\n  \"window\": ").append(window()).append(",\n  \"overrides\": [");
        for (int i = 0; i < sets.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append('"').append(sets.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        sb.append("],\n  \"areas\": {");
        for (int a = 0; a < areas.size(); a++) {
            sb.append(a == 0 ? "\n" : ",\n").append("    \"").append(areas.get(a).name()).append("\": {");
            for (int part = 0; part < 2; part++) {
                double[] m = mse(a, part == 1);
                sb.append(part == 0 ? "\n" : ",\n").append("      \"").append(part == 0 ? "first10" : "last10").append("\": {");
                for (int k = 0; k < PREDICTORS.length; k++) {
                    sb.append(k == 0 ? "" : ", ").append('"').append(PREDICTORS[k]).append("Mse\": ").append(num(m[k]));
                }
                for (int k = 1; k < PREDICTORS.length; k++) {
                    sb.append(", \"sheetOver").append(Character.toUpperCase(PREDICTORS[k].charAt(0)))
                            .append(PREDICTORS[k].substring(1)).append("\": ").append(num(m[SHEET] / m[k]));
                }
                sb.append('}');
            }
            sb.append("\n    }");
        }
        sb.append("\n  }\n}\n");
        return sb.toString();
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : "null";
    }

    void print(PrintStream out) {
        out.printf(Locale.ROOT, "%-8s %-6s %11s %9s %9s %9s %9s%n", "area", "part", "sheet MSE", "/copy",
                "/mean", "/linear", "/nlmsOwn");
        for (int a = 0; a < areas.size(); a++) {
            for (int part = 0; part < 2; part++) {
                double[] m = mse(a, part == 1);
                out.printf(Locale.ROOT, "%-8s %-6s %11.4g %9.3f %9.3f %9.3f %9.3f%n", areas.get(a).name(),
                        part == 0 ? "first" : "last", m[SHEET], m[SHEET] / m[COPY_LAST], m[SHEET] / m[MEAN],
                        m[SHEET] / m[LINEAR], m[SHEET] / m[NLMS]);
            }
        }
    }

    /**
     * MSE curves, one panel per area (two columns), each point the mean over ticks/100 ticks,
     * log scale: the sheet and the four baselines.
     */
    void plot(String stream, Path png) throws IOException {
        int bin = Math.max(1, ticks / 100);
        int points = (ticks - 1) / bin;
        String[] labels = {"sheet", "copy-last", "running mean", "linear", "NLMS own"};
        int panelW = 500;
        int panelH = 300;
        int cols = areas.size() == 1 ? 1 : 2;
        int rows = (areas.size() + cols - 1) / cols;
        java.awt.image.BufferedImage sheetImage =
                new java.awt.image.BufferedImage(cols * panelW, rows * panelH, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = sheetImage.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, sheetImage.getWidth(), sheetImage.getHeight());
        for (int a = 0; a < areas.size(); a++) {
            String name = areas.get(a).name();
            XYChart chart = new XYChartBuilder().width(panelW).height(panelH)
                    .title(name + ": " + stream + " (MSE per " + bin + " ticks)")
                    .xAxisTitle("tick").yAxisTitle("next-input MSE").build();
            chart.getStyler().setYAxisLogarithmic(true);
            chart.getStyler().setMarkerSize(0);
            chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
            for (int k = 0; k < PREDICTORS.length; k++) {
                double[] xs = new double[points];
                double[] ys = new double[points];
                for (int j = 0; j < points; j++) {
                    int from = 1 + j * bin;
                    xs[j] = from + bin / 2.0;
                    ys[j] = Math.max(1e-12, mean(mse[k][a], from, from + bin));
                }
                chart.addSeries(labels[k], xs, ys).setMarker(SeriesMarkers.NONE);
            }
            g.drawImage(BitmapEncoder.getBufferedImage(chart), (a % cols) * panelW, (a / cols) * panelH, null);
        }
        g.dispose();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(sheetImage, "png", bytes);
        org.ev3cortex.sim.report.AtomicWrite.bytes(png, bytes.toByteArray());
    }
}
