package org.ev3cortex.sim;

import org.ev3cortex.seam.LoopState;
import java.awt.GraphicsEnvironment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ev3cortex.agent.Agent;
import org.ev3cortex.seam.LoopKeys;
import org.ev3cortex.agent.AgentOptions;
import org.ev3cortex.agent.TickLoop;
import org.ev3cortex.config.Config;
import org.ev3cortex.config.ConfigLoader;
import org.ev3cortex.config.ConfigOverride;
import org.ev3cortex.sim.body.SimBody;
import org.ev3cortex.sim.report.Json;
import org.ev3cortex.sim.report.Plots;
import org.ev3cortex.sim.report.Recorder;
import org.ev3cortex.sim.world.World;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code run}: the agent against the simulated robot, as fast as the host allows. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the agent in the simulator: the viewer when a display exists, else headless"
                + " with a progress bar and a summary.")
public final class RunCommand implements Callable<Integer> {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "Properties file; repeat to layer files.")
    List<Path> configs = new ArrayList<>();

    @Option(names = {"-w", "--world"}, paramLabel = "FILE",
            description = "World file (sim.* keys); layered before --config files. Default: the built-in world.")
    Path world;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one key; repeatable.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--print-config", description = "Print every key's effective value and its layer, then exit.")
    boolean printConfig;

    @Option(names = "--headless", description = "No viewer, even when a display exists.")
    boolean headless;

    @Option(names = "--seconds", paramLabel = "N",
            description = "How long to run. Simulator: simulated seconds (default 600 headless; with the viewer,"
                    + " until the window is closed). Laptop mode: real seconds (default: until the viewer is closed,"
                    + " or " + LAPTOP_HEADLESS_SECONDS + " s headless).")
    Double seconds;

    /** Laptop mode without a viewer and without --seconds: a short run, never a silent 10 minutes. */
    static final int LAPTOP_HEADLESS_SECONDS = 30;
    static final double SIM_HEADLESS_SECONDS = 600;

    @Option(names = "--screenshot", paramLabel = "PNG", hidden = true,
            description = "With the viewer and --seconds: save the window as PNG before it closes (docs).")
    Path screenshot;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed (sets sim.seed).")
    Integer seed;

    @Option(names = "--report", paramLabel = "DIR", description = "Write summary.json and PNG plots into DIR.")
    Path report;

    @Option(names = "--camera", paramLabel = "SRC",
            description = "Laptop mode: webcam:N or file:VIDEO as the camera (real time, loopback motors).")
    String camera;

    @Option(names = "--mic", paramLabel = "SRC", description = "Laptop mode: default or file:AUDIO as the microphone.")
    String mic;

    @Option(names = "--record", paramLabel = "FILE.mcap",
            description = "Record every tick to MCAP (docs/observability.md). Rates left at their defaults record"
                    + " every stream on every tick, so the file replays.")
    Path record;

    @Option(names = "--telemetry", paramLabel = "PORT",
            description = "Serve live telemetry (Foxglove WebSocket protocol) on ws://127.0.0.1:PORT (key telemetry.port).")
    Integer telemetry;

    @Option(names = "--telemetry-kbps", paramLabel = "N",
            description = "Bandwidth per telemetry client in kB/s; the rest is dropped and counted (default: telemetry.kbps, 300).")
    Integer telemetryKbps;

    private org.ev3cortex.record.TelemetryServer tele;

    @Override
    public Integer call() throws Exception {
        AgentOptions options = new AgentOptions();
        if (world != null) options.configFiles.add(world);
        options.configFiles.addAll(configs);
        if (seed != null) options.overrides.add(new ConfigOverride(SimKeys.SEED.name(), seed.toString(), "--seed"));
        for (String s : sets) options.overrides.add(ConfigOverride.parse(s, "--set"));
        if (seconds != null && !(seconds > 0)) {
            System.err.println("--seconds must be > 0, got " + seconds);
            return AgentOptions.EXIT_CONFIG;
        }
        String reportProblem = report == null ? null : OutputDirs.problem(report, "--report");
        if (reportProblem != null) {
            System.err.println(reportProblem);
            return AgentOptions.EXIT_CONFIG;
        }
        ConfigLoader loader = new ConfigLoader(SimKeys.schema());
        Config config = options.loadOrReport(loader, System.err);
        if (config == null) return AgentOptions.EXIT_CONFIG;
        record = org.ev3cortex.agent.Recording.target(record, config);
        if (telemetry == null && config.get(org.ev3cortex.status.StatusKeys.TELEMETRY_PORT) != 0) {
            telemetry = config.get(org.ev3cortex.status.StatusKeys.TELEMETRY_PORT);
        }
        if (telemetryKbps == null) telemetryKbps = config.get(org.ev3cortex.status.StatusKeys.TELEMETRY_KBPS);
        if (record != null || telemetry != null) {
            config = org.ev3cortex.sim.record.RecordDefaults.apply(config, options, loader);
            if (config == null) return AgentOptions.EXIT_CONFIG;
        }
        if (printConfig) {
            System.out.print(config.describe());
            return 0;
        }
        if (telemetry != null) {
            try {
                tele = new org.ev3cortex.record.TelemetryServer(telemetry, telemetryKbps * 1000L).open();
            } catch (Exception e) {
                System.err.println("cannot serve telemetry on 127.0.0.1:" + telemetry + ": " + e.getMessage());
                return AgentOptions.EXIT_CONFIG;
            }
            System.out.println("telemetry on ws://127.0.0.1:" + telemetry + " (Foxglove Studio: Open connection)");
        }
        try {
            return runBody(config, options, loader);
        } finally {
            if (tele != null) tele.stop(1_000);
        }
    }

    private int runBody(Config config, AgentOptions options, ConfigLoader loader) throws Exception {
        boolean display = !headless && !GraphicsEnvironment.isHeadless();
        if (camera != null || mic != null) return laptop(config, options, loader, display);
        SimBody body = new SimBody(config);
        try (Agent agent = new Agent(body, config, options.allOverrides(loader));
             org.ev3cortex.sim.record.RecordDefaults.Handle rec = org.ev3cortex.sim.record.RecordDefaults.start(agent, record, tele)) {
            if (rec.failed()) return AgentOptions.EXIT_CONFIG;
            if (display) return viewer(agent, body, body.world(), config);
            return headless(agent, body, config);
        }
    }

    private static long ticks(double s, long periodMs) {
        return Math.max(1, Math.round(s * 1000 / periodMs));
    }

    /**
     * The same agent on the laptop's real senses, in real time: with the viewer when a display
     * exists (until it is closed, or --seconds), else for --seconds or 30 s. A camera or mic that
     * cannot be opened is reported before the agent starts, with exit code 2.
     */
    private int laptop(Config config, AgentOptions options, ConfigLoader loader, boolean display) throws Exception {
        org.ev3cortex.sim.desktop.MediaSpec cam;
        org.ev3cortex.sim.desktop.MediaSpec mc;
        try {
            cam = camera == null ? null : org.ev3cortex.sim.desktop.MediaSpec.camera(camera);
            mc = mic == null ? null : org.ev3cortex.sim.desktop.MediaSpec.mic(mic);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return AgentOptions.EXIT_CONFIG;
        }
        String problem = org.ev3cortex.sim.desktop.MediaProbe.problem(config, cam, mc);
        if (problem != null) {
            System.err.print(problem);
            return AgentOptions.EXIT_CONFIG;
        }
        org.ev3cortex.sim.desktop.LaptopBody body = new org.ev3cortex.sim.desktop.LaptopBody(config, cam, mc);
        long periodMs = config.get(LoopKeys.PERIOD_MS);
        try (Agent agent = new Agent(body, config, options.allOverrides(loader));
             org.ev3cortex.sim.record.RecordDefaults.Handle rec = org.ev3cortex.sim.record.RecordDefaults.start(agent, record, tele)) {
            if (rec.failed()) return AgentOptions.EXIT_CONFIG;
            int code;
            if (display) {
                System.out.printf("Running on %s with the viewer, %s%n", body.describe(),
                        seconds == null ? "until its window is closed" : String.format("for %.0f s", seconds));
                code = viewer(agent, null, null, config);
            } else {
                double s = seconds != null ? seconds : LAPTOP_HEADLESS_SECONDS;
                System.out.printf("Running %.0f s on %s%s; Ctrl-C stops it%n", s, body.describe(),
                        seconds == null ? " (laptop mode's default without a display; --seconds N to change)" : "");
                code = observed(agent, null, config, ticks(s, periodMs), false);
            }
            if (body.camera() != null && body.camera().failure() != null) {
                System.err.println("camera failed: " + body.camera().failure());
            }
            if (body.microphone() != null && body.microphone().failure() != null) {
                System.err.println("microphone failed: " + body.microphone().failure());
            }
            return code;
        }
    }

    /** The viewer until its window is closed (or --seconds), then the summary and --report. */
    private int viewer(Agent agent, SimBody body, World w, Config config) throws Exception {
        long periodMs = config.get(LoopKeys.PERIOD_MS);
        long ticks = seconds == null ? Long.MAX_VALUE : ticks(seconds, periodMs);
        Observers o = observe(agent, w, ticks, periodMs);
        long wallStart = System.nanoTime();
        int code = org.ev3cortex.sim.viewer.Viewer.show(agent, body, ticks, screenshot);
        finish(agent, w, o, (System.nanoTime() - wallStart) / 1e9, periodMs, agent.loop().state(), ticks, false);
        return code;
    }

    private int headless(Agent agent, SimBody body, Config config) throws Exception {
        long periodMs = config.get(LoopKeys.PERIOD_MS);
        System.out.printf("Simulating %.0f s of %s, seed %d%n", seconds != null ? seconds : SIM_HEADLESS_SECONDS,
                body.describe(), config.get(SimKeys.SEED));
        return observed(agent, body.world(), config, ticks(seconds != null ? seconds : SIM_HEADLESS_SECONDS, periodMs),
                true);
    }

    /** What a run's summary and report are made of, observed tick by tick. */
    private static final class Observers {
        Recorder rec;
        org.ev3cortex.sim.report.PredictionScore score;
        org.ev3cortex.sim.report.BehaviourTime behaviourTime;
        org.ev3cortex.sim.report.Outcome outcome; // null without a simulated world
    }

    private static Observers observe(Agent agent, World w, long ticks, long periodMs) {
        Observers o = new Observers();
        // An open-ended run (the viewer) records its first two hours at 10 Hz.
        o.rec = recorder(Math.min(ticks, 72_000), periodMs, w, agent);
        agent.loop().addObserver(o.rec);
        o.score = new org.ev3cortex.sim.report.PredictionScore(agent.sheet());
        agent.loop().addObserver(o.score);
        o.behaviourTime = new org.ev3cortex.sim.report.BehaviourTime(agent.selection());
        agent.loop().addObserver(o.behaviourTime);
        if (w != null) {
            o.outcome = new org.ev3cortex.sim.report.Outcome(w, Math.min(ticks, 72_000), periodMs);
            agent.loop().addObserver(o.outcome);
        }
        return o;
    }

    /** A run without the viewer: with a progress bar in the simulator, then the summary and --report. */
    private int observed(Agent agent, World w, Config config, long ticks, boolean progressBar) throws Exception {
        long periodMs = config.get(LoopKeys.PERIOD_MS);
        Observers o = observe(agent, w, ticks, periodMs);
        Progress progress = progressBar ? new Progress(agent.loop(), ticks, periodMs) : null;
        Thread reporter = progressBar ? new Thread(progress, "progress") : null;
        long wallStart = System.nanoTime();
        if (reporter != null) {
            reporter.setDaemon(true);
            reporter.start();
        }
        LoopState end = agent.run(ticks);
        double wall = (System.nanoTime() - wallStart) / 1e9;
        if (progress != null) {
            progress.finish();
            reporter.join(1_000);
        }
        finish(agent, w, o, wall, periodMs, end, ticks, true);
        return end == LoopState.FAULTED ? AgentOptions.EXIT_FAULT : 0;
    }

    private void finish(Agent agent, World w, Observers o, double wall, long periodMs, LoopState end, long ticks,
            boolean timing) throws Exception {
        Map<String, Object> summary = summary(agent, w, wall, periodMs, end, ticks);
        summary.put("timePerBehaviour", o.behaviourTime.shares());
        summary.put("areas", o.score.summary());
        if (o.outcome != null) {
            List<Long> perMinute = new ArrayList<>();
            for (long c : o.outcome.collisionsPerMinute()) perMinute.add(c);
            summary.put("collisionsPerMinute", perMinute);
            summary.put("targets", o.outcome.targetsJson());
        }
        printSummary(summary, agent, timing);
        if (report != null) writeReport(summary, o.rec, w, o.outcome);
        printBehaviour(summary, System.out);
    }

    static Recorder recorder(long ticks, long periodMs, World w, Agent agent) {
        int every = (int) Math.max(1, ticks / 20_000);
        TickLoop loop = agent.loop();
        Recorder r = new Recorder(ticks, every).series("t", () -> loop.tick() * periodMs / 1000.0);
        if (w != null) r.series("x", w::x).series("y", w::y).series("batteryV", w::batteryV);
        org.ev3cortex.cortex.Sheet sheet = agent.sheet();
        for (org.ev3cortex.cortex.Area a : sheet.areas()) {
            if (!a.predicting()) continue;
            int i = a.index();
            r.series("surprise/" + a.name(), () -> sheet.areaSurprise()[i]);
        }
        return r;
    }

    private static double[] smooth(double[] v, int window) {
        double[] out = new double[v.length];
        double sum = 0;
        for (int i = 0; i < v.length; i++) {
            sum += v[i];
            if (i >= window) sum -= v[i - window];
            out[i] = sum / Math.min(i + 1, window);
        }
        return out;
    }

    /** How a run ended, in words: "finished" when it ran its course, else "stopped early" or "faulted". */
    static String endWords(LoopState end, long ticksRun, long ticksAsked) {
        if (end == LoopState.FAULTED) return "faulted";
        return ticksRun >= ticksAsked ? "finished" : "stopped early";
    }

    /** The kept behaviour switches as objects: tick, from, to, reason (the cause) and its detail. */
    static List<Map<String, Object>> switches(org.ev3cortex.ganglia.SwitchLog log) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int k = 0; k < log.kept(); k++) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("tick", log.tick(k));
            one.put("from", log.from(k).name());
            one.put("to", log.to(k).name());
            one.put("reason", log.reason(k).name());
            one.put("detail", log.reasonText(k));
            out.add(one);
        }
        return out;
    }

    private static Map<String, Object> summary(Agent agent, World w, double wallS, long periodMs, LoopState end,
            long ticksAsked) {
        TickLoop loop = agent.loop();
        double simulated = loop.tick() * periodMs / 1000.0;
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("end", endWords(end, loop.tick(), ticksAsked));
        s.put("loopState", end.name());
        s.put("ticks", loop.tick());
        s.put("simulatedSeconds", simulated);
        s.put("wallSeconds", wallS);
        s.put("realTimeFactor", simulated / Math.max(wallS, 1e-9));
        if (w != null) {
            s.put("collisions", w.collisions());
            s.put("stallEvents", w.stallEvents());
            s.put("distanceM", w.distanceM());
            s.put("batteryV", w.batteryV());
        }
        s.put("overruns", loop.stats().overruns());
        s.put("motorSafetyStops", loop.stats().motorSafetyStops());
        s.put("watchdogTrips", loop.stats().watchdogTrips());
        s.put("batteryStops", loop.stats().batteryStops());
        Map<String, Object> stages = new LinkedHashMap<>();
        for (String e : loop.stats().epochNames()) {
            long[] m = loop.stats().epochSummary(e);
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("minMs", m[0] / 1e6);
            one.put("medianMs", m[1] / 1e6);
            one.put("maxMs", m[2] / 1e6);
            one.put("overrunsBlamed", loop.stats().overrunsBlamedOn(e));
            stages.put(e, one);
        }
        s.put("stages", stages);
        org.ev3cortex.ganglia.ActionSelection m = agent.selection();
        s.put("activeBehaviour", m.active().name());
        s.put("stallDetections", agent.percepts().stallDetections());
        s.put("m1ClampWarnings", agent.m1().saturations());
        s.put("behaviourSwitchCount", m.switches().count());
        s.put("behaviourSwitches", switches(m.switches()));
        org.ev3cortex.agent.BrickBudget budget = agent.brickBudget();
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("totalMs", budget.totalMs());
        b.put("periodMs", budget.periodMs());
        b.put("percentOfPeriod", budget.percentOfPeriod());
        Map<String, Object> perStage = new LinkedHashMap<>();
        for (org.ev3cortex.agent.BrickBudget.Line l : budget.lines()) perStage.put(l.stage, l.ms);
        b.put("stagesMs", perStage);
        s.put("brickBudget", b);
        if (loop.failure() != null) s.put("failure", loop.failure().toString());
        return s;
    }

    private static void printSummary(Map<String, Object> s, Agent agent, boolean timing) {
        System.out.println();
        System.out.printf("Summary (%s)%n", s.get("end"));
        if (timing) {
            System.out.printf("  simulated %.1f s in %.2f s wall: %.0fx real time, %d ticks%n",
                    (Double) s.get("simulatedSeconds"), (Double) s.get("wallSeconds"), (Double) s.get("realTimeFactor"),
                    (Long) s.get("ticks"));
        } else {
            System.out.printf("  %d ticks, %.1f s of agent time in %.1f s wall%n", (Long) s.get("ticks"),
                    (Double) s.get("simulatedSeconds"), (Double) s.get("wallSeconds"));
        }
        if (s.containsKey("batteryV")) System.out.printf("  battery %.2f V%n", (Double) s.get("batteryV"));
        System.out.println("  " + agent.loop().stats().summary().replace("\n", "\n  "));
        @SuppressWarnings("unchecked")
        Map<String, Object> b = (Map<String, Object>) s.get("brickBudget");
        double pct = (Double) b.get("percentOfPeriod");
        System.out.printf("  on an EV3 (no FPU) this config would take about %.0f ms of its %.0f ms tick (%.0f%%)%s%n",
                (Double) b.get("totalMs"), (Double) b.get("periodMs"), pct,
                pct > 100 ? ": it would overrun every tick; see --print-budget and docs/brick.md, \"Budget\"" : "");
    }

    /**
     * The figures that say what the robot did, last so they are what a user sees: distance,
     * collisions, stalls, switches, the share of time per behaviour, and per area its mean
     * surprise and its error against copy-last, flagging an area that predicts worse than it.
     */
    @SuppressWarnings("unchecked")
    static void printBehaviour(Map<String, Object> s, java.io.PrintStream out) {
        out.println("Behaviour");
        if (s.containsKey("distanceM")) {
            out.printf(java.util.Locale.ROOT, "  travelled %.2f m, %d collision(s), %d stall event(s) (%d detected by S1), %d behaviour switch(es)%n",
                    (Double) s.get("distanceM"), (Long) s.get("collisions"), (Long) s.get("stallEvents"),
                    ((Number) s.get("stallDetections")).longValue(), (Long) s.get("behaviourSwitchCount"));
        } else {
            out.printf(java.util.Locale.ROOT, "  %d stall(s) detected by S1, %d behaviour switch(es)%n",
                    ((Number) s.get("stallDetections")).longValue(), (Long) s.get("behaviourSwitchCount"));
        }
        Map<String, Object> time = (Map<String, Object>) s.get("timePerBehaviour");
        if (time != null) {
            StringBuilder sb = new StringBuilder("  time per behaviour:");
            String sep = " ";
            for (Map.Entry<String, Object> e : time.entrySet()) {
                sb.append(sep).append(e.getKey()).append(' ')
                        .append(String.format(java.util.Locale.ROOT, "%.1f%%", 100 * (Double) e.getValue()));
                sep = ", ";
            }
            out.println(sb);
        }
        List<Long> perMinute = (List<Long>) s.get("collisionsPerMinute");
        if (perMinute != null) {
            StringBuilder sb = new StringBuilder("  collisions per minute:");
            for (Long c : perMinute) sb.append(' ').append(c);
            out.println(sb);
        }
        List<Map<String, Object>> targets = (List<Map<String, Object>>) s.get("targets");
        if (targets != null) {
            for (Map<String, Object> t : targets) {
                if (t.get("closestM") == null) continue;
                Object reached = t.get("firstWithin0_3mS");
                out.printf(java.util.Locale.ROOT, "  %s: closest %.2f m at %.1f s (%s), %.2f m at the end%n",
                        t.get("target"), (Double) t.get("closestM"), (Double) t.get("closestAtS"),
                        reached == null ? "never within 0.3 m" : String.format(java.util.Locale.ROOT,
                                "within 0.3 m from %.1f s", (Double) reached), (Double) t.get("endM"));
            }
        }
        Map<String, Object> areas = (Map<String, Object>) s.get("areas");
        if (areas == null || areas.isEmpty()) return;
        out.println("  area      mean surprise   sheet error / copy-last");
        List<String> worse = new ArrayList<>();
        for (Map.Entry<String, Object> e : areas.entrySet()) {
            Map<String, Object> a = (Map<String, Object>) e.getValue();
            double ratio = (Double) a.get("sheetOverCopyLast");
            boolean bad = Boolean.TRUE.equals(a.get("worseThanCopyLast"));
            if (bad) worse.add(e.getKey());
            out.printf(java.util.Locale.ROOT, "  %-8s %14.2f   %23s%s%n", e.getKey(), (Double) a.get("meanSurprise"),
                    Double.isFinite(ratio) ? String.format(java.util.Locale.ROOT, "%.2f", ratio) : "n/a",
                    bad ? "  WORSE than copy-last" : "");
        }
        if (!worse.isEmpty()) {
            out.println("  " + String.join(", ", worse) + (worse.size() == 1 ? " predicts" : " predict")
                    + " worse than copy-last (ratio > 1.001); see docs/cortex.md, \"Measuring it\"");
        }
    }

    private void writeReport(Map<String, Object> summary, Recorder rec, World w,
            org.ev3cortex.sim.report.Outcome outcome) throws Exception {
        Files.createDirectories(report);
        Path json = report.resolve("summary.json");
        org.ev3cortex.sim.report.AtomicWrite.bytes(json, Json.write(summary).getBytes(StandardCharsets.UTF_8));
        if (w != null) {
            Plots.trajectory(w, rec.get("x"), rec.get("y"), report.resolve("trajectory.png"));
            Map<String, double[]> battery = new LinkedHashMap<>();
            battery.put("battery (V)", rec.get("batteryV"));
            Plots.lines("Battery", "V", rec.get("t"), battery, report.resolve("battery.png"));
            Plots.perMinute("Collisions per simulated minute", "collisions", outcome.collisionsPerMinute(),
                    report.resolve("collisions.png"));
        }
        Map<String, double[]> surprise = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : rec.all().entrySet()) {
            if (e.getKey().startsWith("surprise/")) surprise.put(e.getKey().substring(9), smooth(e.getValue(), 10));
        }
        Plots.lines("Surprise per area (mean e^2/sigma^2, 1 s moving average)", "surprise", rec.get("t"), surprise,
                report.resolve("surprise.png"), true);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> areas = (Map<String, Map<String, Object>>) summary.get("areas");
        Plots.bars("Next-input prediction error: the sheet against copy-last", "MSE", areas,
                report.resolve("prediction.png"));
        System.out.println("  report: " + json.toAbsolutePath().getParent());
    }
}
