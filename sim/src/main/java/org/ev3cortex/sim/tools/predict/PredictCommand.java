package org.ev3cortex.sim.tools.predict;

import org.ev3cortex.agent.AgentSchema;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ev3cortex.agent.AgentOptions;
import org.ev3cortex.config.Config;
import org.ev3cortex.config.ConfigLoader;
import org.ev3cortex.config.ConfigOverride;
import org.ev3cortex.cortex.Area;
import org.ev3cortex.cortex.CortexKeys;
import org.ev3cortex.cortex.Sheet;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tools predict}: runs the sheet on a test stream and scores its next-input prediction
 * against two naive baselines, copy-last-input and a running mean, per area.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Run the cortical sheet on a stream and compare its next-input MSE with copy-last and"
                + " running-mean baselines, per area. Writes predict.json and predict.png to --out."})
public final class PredictCommand implements Callable<Integer> {
    @Option(names = "--stream", required = true, paramLabel = "NAME",
            description = "grating, bar, tones or npy (frames from --npy).")
    String stream;

    @Option(names = "--npy", paramLabel = "FILE", description = "A .npy stack (frames, height, width) of float32 or uint8.")
    Path npy;

    @Option(names = "--ticks", paramLabel = "N", defaultValue = "5000", description = "Ticks to run (default: ${DEFAULT-VALUE}).")
    int ticks;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Noise and weight seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "Properties file; repeat to layer files.")
    List<Path> configs = new ArrayList<>();

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override one key, e.g. --set cortex.predict.cycles=false; repeatable.")
    List<String> sets = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        if (ticks < 20) {
            System.err.println("--ticks must be at least 20 (the report compares the first and last 10%)");
            return AgentOptions.EXIT_CONFIG;
        }
        AgentOptions options = new AgentOptions();
        options.configFiles.addAll(configs);
        for (String s : sets) options.overrides.add(ConfigOverride.parse(s, "--set"));
        Config config = options.loadOrReport(AgentSchema.loader(), System.err);
        if (config == null) return AgentOptions.EXIT_CONFIG;
        String outProblem = org.ev3cortex.sim.OutputDirs.problem(out, "--out");
        if (outProblem != null) {
            System.err.println(outProblem);
            return AgentOptions.EXIT_CONFIG;
        }
        Streams.Stream source;
        try {
            source = Streams.create(stream, npy, seed);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return AgentOptions.EXIT_CONFIG;
        } catch (java.nio.file.NoSuchFileException e) {
            System.err.println(npy + ": file not found");
            return AgentOptions.EXIT_CONFIG;
        } catch (IOException e) {
            System.err.println(e.getMessage());
            return AgentOptions.EXIT_CONFIG;
        }
        Score score = run(config, source, ticks, seed);
        Files.createDirectories(out);
        org.ev3cortex.sim.report.AtomicWrite.bytes(out.resolve("predict.json"), score.json(stream, sets).getBytes(StandardCharsets.UTF_8));
        score.plot(stream, out.resolve("predict.png"));
        score.print(System.out);
        System.out.println("wrote " + out.resolve("predict.json") + " and " + out.resolve("predict.png"));
        return 0;
    }

    /** Runs {@code ticks} ticks of {@code source} through a fresh sheet and scores each fed area. */
    public static Score run(Config config, Streams.Stream source, int ticks, long seed) {
        Sheet sheet = new Sheet(config, seed);
        List<Area> areas = new ArrayList<>();
        for (String name : source.areas()) areas.add(sheet.area(name));
        Score score = new Score(areas, ticks);
        float meanRate = config.get(CortexKeys.MEAN_RATE).floatValue();
        float[] x = sheet.activity();
        float[] e = sheet.error();
        // The baselines are computed here, independently of the sheet's own state.
        float[] last = new float[sheet.units()];
        float[] mean = new float[sheet.units()];
        for (int t = 0; t < ticks; t++) {
            source.feed(t, sheet);
            sheet.step();
            for (int a = 0; a < areas.size(); a++) {
                Area area = areas.get(a);
                double s = 0;
                double c = 0;
                double m = 0;
                for (int i = area.start(), end = area.start() + area.size(); i < end; i++) {
                    if (t == 0) {
                        mean[i] = x[i];
                    } else {
                        s += (double) e[i] * e[i];
                        c += (double) (x[i] - last[i]) * (x[i] - last[i]);
                        m += (double) (x[i] - mean[i]) * (x[i] - mean[i]);
                        mean[i] += meanRate * (x[i] - mean[i]);
                    }
                    last[i] = x[i];
                }
                score.sheet[a][t] = s / area.size();
                score.copyLast[a][t] = c / area.size();
                score.runningMean[a][t] = m / area.size();
            }
        }
        return score;
    }

    /** Per-tick MSE of the sheet and the baselines, per area. Tick 0 has no prediction and is skipped. */
    public static final class Score {
        final List<Area> areas;
        final int ticks;
        final double[][] sheet;
        final double[][] copyLast;
        final double[][] runningMean;

        Score(List<Area> areas, int ticks) {
            this.areas = areas;
            this.ticks = ticks;
            this.sheet = new double[areas.size()][ticks];
            this.copyLast = new double[areas.size()][ticks];
            this.runningMean = new double[areas.size()][ticks];
        }

        private int window() {
            return Math.max(1, ticks / 10);
        }

        static double mean(double[] v, int from, int to) {
            double s = 0;
            for (int t = from; t < to; t++) s += v[t];
            return s / (to - from);
        }

        /** {sheet, copy-last, running-mean} MSE of area {@code a} over the first (false) or last (true) 10%. */
        public double[] mse(int a, boolean lastTenth) {
            int from = lastTenth ? ticks - window() : 1;
            int to = lastTenth ? ticks : 1 + window();
            return new double[] {mean(sheet[a], from, to), mean(copyLast[a], from, to), mean(runningMean[a], from, to)};
        }

        /** Sheet MSE ÷ copy-last MSE over the last 10% of ticks, for the named area. */
        public double lastRatio(String area) {
            for (int a = 0; a < areas.size(); a++) {
                if (areas.get(a).name().equals(area)) {
                    double[] m = mse(a, true);
                    return m[0] / m[1];
                }
            }
            throw new IllegalArgumentException("area not scored: " + area);
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
                    sb.append(part == 0 ? "\n" : ",\n").append("      \"").append(part == 0 ? "first10" : "last10").append("\": {")
                            .append("\"sheetMse\": ").append(num(m[0]))
                            .append(", \"copyLastMse\": ").append(num(m[1]))
                            .append(", \"runningMeanMse\": ").append(num(m[2]))
                            .append(", \"sheetOverCopyLast\": ").append(num(m[0] / m[1]))
                            .append(", \"sheetOverRunningMean\": ").append(num(m[0] / m[2])).append('}');
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
            out.printf(Locale.ROOT, "%-8s %-6s %12s %12s %12s %10s %10s%n", "area", "part", "sheet MSE", "copy-last",
                    "run. mean", "/copy", "/mean");
            for (int a = 0; a < areas.size(); a++) {
                for (int part = 0; part < 2; part++) {
                    double[] m = mse(a, part == 1);
                    out.printf(Locale.ROOT, "%-8s %-6s %12.4g %12.4g %12.4g %10.3f %10.3f%n", areas.get(a).name(),
                            part == 0 ? "first" : "last", m[0], m[1], m[2], m[0] / m[1], m[0] / m[2]);
                }
            }
        }

        /** MSE curves, each point the mean over ticks/100 ticks, log scale. */
        void plot(String stream, Path png) throws IOException {
            int bin = Math.max(1, ticks / 100);
            int points = (ticks - 1) / bin;
            XYChart chart = new XYChartBuilder().width(900).height(520)
                    .title("tools predict: " + stream + " (MSE per " + bin + " ticks)")
                    .xAxisTitle("tick").yAxisTitle("next-input MSE").build();
            chart.getStyler().setYAxisLogarithmic(true);
            chart.getStyler().setMarkerSize(0);
            for (int a = 0; a < areas.size(); a++) {
                String name = areas.get(a).name();
                String[] labels = {"sheet", "copy-last", "running mean"};
                double[][] series = {sheet[a], copyLast[a], runningMean[a]};
                for (int s = 0; s < 3; s++) {
                    double[] xs = new double[points];
                    double[] ys = new double[points];
                    for (int k = 0; k < points; k++) {
                        int from = 1 + k * bin;
                        xs[k] = from + bin / 2.0;
                        ys[k] = Math.max(1e-12, mean(series[s], from, from + bin));
                    }
                    chart.addSeries(name + " " + labels[s], xs, ys).setMarker(SeriesMarkers.NONE);
                }
            }
            org.ev3cortex.sim.report.AtomicWrite.bytes(png, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        }
    }
}
