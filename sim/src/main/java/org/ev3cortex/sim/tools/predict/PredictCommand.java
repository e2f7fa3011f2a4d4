package org.ev3cortex.sim.tools.predict;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ev3cortex.agent.AgentOptions;
import org.ev3cortex.config.Config;
import org.ev3cortex.config.ConfigLoader;
import org.ev3cortex.config.ConfigOverride;
import org.ev3cortex.cortex.Area;
import org.ev3cortex.cortex.Sheet;
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
            description = "grating, bar, tones, npy (frames from --npy), video (a video file from --video, through the"
                    + " whole V1 pathway), wav (a WAV file from --wav, through the whole A1 pathway) or sim (the whole"
                    + " agent in the closed-loop simulator; --world, --seed).")
    String stream;

    @Option(names = "--npy", paramLabel = "FILE", description = "A .npy stack (frames, height, width) of float32 or uint8.")
    Path npy;

    @Option(names = "--video", paramLabel = "FILE", description = "A video file for --stream video (any format FFmpeg reads).")
    Path video;

    @Option(names = "--wav", paramLabel = "FILE", description = "A WAV file for --stream wav (through the whole A1 pathway).")
    Path wav;

    @Option(names = "--world", paramLabel = "FILE", description = "For --stream sim: a world file (default: the default world).")
    Path world;

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
        if (world != null) options.configFiles.add(world);
        options.configFiles.addAll(configs);
        if (stream.equals("sim")) {
            options.overrides.add(new org.ev3cortex.config.ConfigOverride(org.ev3cortex.sim.SimKeys.SEED.name(),
                    Long.toString(seed), "--seed"));
        }
        for (String s : sets) options.overrides.add(ConfigOverride.parse(s, "--set"));
        Config config = options.loadOrReport(new ConfigLoader(org.ev3cortex.sim.SimKeys.schema()), System.err);
        if (config == null) return AgentOptions.EXIT_CONFIG;
        String outProblem = org.ev3cortex.sim.OutputDirs.problem(out, "--out");
        if (outProblem != null) {
            System.err.println(outProblem);
            return AgentOptions.EXIT_CONFIG;
        }
        Streams.Stream source = null;
        try {
            if (!stream.equals("sim")) source = Streams.create(stream, npy, stream.equals("wav") ? wav : video, seed, config);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return AgentOptions.EXIT_CONFIG;
        } catch (java.nio.file.NoSuchFileException e) {
            System.err.println(e.getFile() + ": file not found");
            return AgentOptions.EXIT_CONFIG;
        } catch (IOException e) {
            System.err.println(e.getMessage());
            return AgentOptions.EXIT_CONFIG;
        }
        Score score = source == null ? runSim(config, ticks) : run(config, source, ticks, seed);
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
        Score score = new Score(areas, ticks, sheet.units(), config);
        float[] x = sheet.activity();
        float[] e = sheet.error();
        for (int t = 0; t < ticks; t++) {
            source.feed(t, sheet);
            sheet.step();
            score.observe(t, x, e);
        }
        return score;
    }

    /**
     * Runs the whole agent in the closed-loop simulator ({@code config} holds the world and
     * {@code sim.seed}) for {@code ticks} ticks and scores every predicting area of its sheet.
     */
    public static Score runSim(Config config, int ticks) throws IOException {
        org.ev3cortex.sim.body.SimBody body = new org.ev3cortex.sim.body.SimBody(config);
        try (org.ev3cortex.agent.Agent agent = new org.ev3cortex.agent.Agent(body, config, List.of())) {
            Sheet sheet = agent.sheet();
            List<Area> areas = new ArrayList<>();
            for (Area a : sheet.areas()) if (a.predicting()) areas.add(a);
            Score score = new Score(areas, ticks, sheet.units(), config);
            float[] x = sheet.activity();
            float[] e = sheet.error();
            int[] t = {0};
            agent.loop().addObserver((tick, snapshot, commands) -> score.observe(t[0]++, x, e));
            agent.run(ticks);
            return score;
        }
    }
}
