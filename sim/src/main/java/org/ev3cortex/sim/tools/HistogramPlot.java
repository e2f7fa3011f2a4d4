package org.ev3cortex.sim.tools;

import java.io.IOException;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Histogram charts as PNG, with XChart. */
public final class HistogramPlot {
    private HistogramPlot() {}

    /**
     * Saves {@code counts} as a step chart: bin i covers {@code [lo + i*width, lo + (i+1)*width)}.
     */
    public static void save(Path file, String title, String xTitle, long[] counts, double lo, double width) throws IOException {
        int n = counts.length;
        double[] x = new double[2 * n];
        double[] y = new double[2 * n];
        for (int i = 0; i < n; i++) { // each bin drawn as a flat top across its width
            x[2 * i] = lo + i * width;
            x[2 * i + 1] = lo + (i + 1) * width;
            y[2 * i] = counts[i];
            y[2 * i + 1] = counts[i];
        }
        XYChart chart = new XYChartBuilder().width(800).height(450).title(title).xAxisTitle(xTitle).yAxisTitle("count").build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setChartTitleVisible(true);
        XYSeries s = chart.addSeries("counts", x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        s.setMarker(SeriesMarkers.NONE);
        Path abs = file.toAbsolutePath();
        String name = abs.getFileName().toString();
        // As XChart's saveBitmap did: the extension is added when missing.
        Path target = name.toLowerCase(java.util.Locale.ROOT).endsWith(".png") ? abs : abs.resolveSibling(name + ".png");
        org.ev3cortex.sim.report.AtomicWrite.bytes(target, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
    }
}
