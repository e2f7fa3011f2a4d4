package org.ev3cortex.sim.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.ev3cortex.sim.world.Obstacle;
import org.ev3cortex.sim.world.SoundSource;
import org.ev3cortex.sim.world.World;
import org.ev3cortex.sim.world.WorldSpec;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The run report's PNG plots, drawn with XChart. */
public final class Plots {
    private Plots() {}

    /** The robot's path over the arena, with walls, obstacles, lights and sound sources. */
    public static void trajectory(World w, double[] xs, double[] ys, Path png) throws IOException {
        int px = 800;
        int py = (int) Math.max(300, Math.min(1200, px * w.heightM / w.widthM)) + 60;
        XYChart chart = new XYChartBuilder().width(px).height(py).title("Trajectory")
                .xAxisTitle("x (m)").yAxisTitle("y (m)").build();
        chart.getStyler().setLegendVisible(true);
        chart.getStyler().setXAxisMin(-0.05).setXAxisMax(w.widthM + 0.05);
        chart.getStyler().setYAxisMin(-0.05).setYAxisMax(w.heightM + 0.05);
        chart.getStyler().setMarkerSize(4);
        outline(chart, "arena", new double[] {0, w.widthM, w.widthM, 0, 0}, new double[] {0, 0, w.heightM, w.heightM, 0},
                new java.awt.Color(80, 80, 80));
        int i = 0;
        for (Obstacle o : w.obstacles) {
            i++;
            double[][] xy = shape(o);
            outline(chart, "obstacle " + i, xy[0], xy[1], new java.awt.Color(o.colour));
        }
        if (xs.length > 0) {
            XYSeries path = chart.addSeries("robot", xs, ys);
            path.setMarker(SeriesMarkers.NONE);
            path.setLineColor(new java.awt.Color(20, 20, 20));
            XYSeries start = chart.addSeries("start", new double[] {xs[0]}, new double[] {ys[0]});
            start.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            XYSeries end = chart.addSeries("end", new double[] {xs[xs.length - 1]}, new double[] {ys[ys.length - 1]});
            end.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        }
        for (WorldSpec.Light l : w.lights) {
            XYSeries s = chart.addSeries("light " + l.x + "," + l.y, new double[] {l.x}, new double[] {l.y});
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.DIAMOND);
            s.setMarkerColor(new java.awt.Color(240, 190, 0));
        }
        for (SoundSource src : w.sounds) {
            XYSeries s = chart.addSeries("sound " + src.kind.name().toLowerCase() + " " + src.x + "," + src.y,
                    new double[] {src.x}, new double[] {src.y});
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.TRIANGLE_UP);
            s.setMarkerColor(new java.awt.Color(0, 150, 150));
        }
        AtomicWrite.bytes(png, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
    }

    private static double[][] shape(Obstacle o) {
        if (o.shape == Obstacle.Shape.BOX) {
            return new double[][] {
                {o.x - o.halfW, o.x + o.halfW, o.x + o.halfW, o.x - o.halfW, o.x - o.halfW},
                {o.y - o.halfH, o.y - o.halfH, o.y + o.halfH, o.y + o.halfH, o.y - o.halfH}};
        }
        int n = 33;
        double[][] xy = new double[2][n];
        for (int k = 0; k < n; k++) {
            double a = 2 * Math.PI * k / (n - 1);
            xy[0][k] = o.x + o.halfW * Math.cos(a);
            xy[1][k] = o.y + o.halfW * Math.sin(a);
        }
        return xy;
    }

    private static void outline(XYChart chart, String name, double[] x, double[] y, java.awt.Color c) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(c);
        s.setShowInLegend(false);
    }

    /** Several series against simulated time, one chart. */
    public static void lines(String title, String yTitle, double[] t, Map<String, double[]> series, Path png)
            throws IOException {
        lines(title, yTitle, t, series, png, false);
    }

    /** As above; with {@code log} a logarithmic y axis, values floored at 1e-2 (for surprise, which spans 10^5). */
    public static void lines(String title, String yTitle, double[] t, Map<String, double[]> series, Path png, boolean log)
            throws IOException {
        XYChart chart = new XYChartBuilder().width(900).height(420).title(title)
                .xAxisTitle("simulated time (s)").yAxisTitle(yTitle).build();
        if (log) chart.getStyler().setYAxisLogarithmic(true);
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            if (e.getValue().length == 0) continue;
            double[] y = e.getValue();
            if (log) {
                y = y.clone();
                for (int i = 0; i < y.length; i++) y[i] = Math.max(1e-2, y[i]);
            }
            XYSeries s = chart.addSeries(e.getKey(), t, y);
            s.setMarker(SeriesMarkers.NONE);
        }
        if (chart.getSeriesMap().isEmpty()) {
            chart.addSeries("(nothing recorded)", new double[] {0}, new double[] {0});
        }
        AtomicWrite.bytes(png, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
    }

    /** Sheet MSE next to copy-last MSE for each area, from a PredictionScore summary. */
    public static void bars(String title, String yTitle, Map<String, Map<String, Object>> areas, Path png)
            throws IOException {
        org.knowm.xchart.CategoryChart chart = new org.knowm.xchart.CategoryChartBuilder().width(900).height(420)
                .title(title).xAxisTitle("area").yAxisTitle(yTitle).build();
        java.util.List<String> names = new java.util.ArrayList<>(areas.keySet());
        java.util.List<Double> sheet = new java.util.ArrayList<>();
        java.util.List<Double> copy = new java.util.ArrayList<>();
        for (String n : names) {
            sheet.add(((Number) areas.get(n).get("sheetMse")).doubleValue());
            copy.add(((Number) areas.get(n).get("copyLastMse")).doubleValue());
        }
        chart.addSeries("sheet", names, sheet);
        chart.addSeries("copy-last", names, copy);
        AtomicWrite.bytes(png, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
    }

    /** One bar per simulated minute (minute 1 is the first), e.g. collisions per minute over a run. */
    public static void perMinute(String title, String yTitle, long[] counts, Path png) throws IOException {
        org.knowm.xchart.CategoryChart chart = new org.knowm.xchart.CategoryChartBuilder().width(900).height(420)
                .title(title).xAxisTitle("simulated minute").yAxisTitle(yTitle).build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setYAxisDecimalPattern("#0");
        chart.getStyler().setXAxisLabelRotation(counts.length > 30 ? 90 : 0);
        java.util.List<String> minutes = new java.util.ArrayList<>();
        java.util.List<Long> values = new java.util.ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            minutes.add(Integer.toString(i + 1));
            values.add(counts[i]);
        }
        chart.addSeries(yTitle, minutes, values);
        AtomicWrite.bytes(png, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
    }
}
