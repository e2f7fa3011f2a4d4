package org.ev3cortex.sim.bench;

import org.ev3cortex.agent.AgentSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.ev3cortex.config.Config;
import org.ev3cortex.config.ConfigException;
import org.ev3cortex.config.ConfigLoader;
import org.ev3cortex.config.ConfigOverride;
import org.ev3cortex.cortex.Area;
import org.ev3cortex.cortex.CortexKeys;
import org.ev3cortex.cortex.Sheet;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One sheet step (all predictor families on, the association layer learning) on the default
 * brick sheet (64x48) and on a 4x larger one with the default layout scaled. Run with
 * {@code java -cp "$(cat sim/target/bench.classpath)" org.openjdk.jmh.Main SheetBench -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SheetBench {
    @Param({"64x48", "256x192"})
    public String size;

    private Sheet sheet;
    private Area[] areas;
    private float[][] frames;
    private int tick;

    @Setup(Level.Trial)
    public void setUp() throws ConfigException {
        int scale = Integer.parseInt(size.substring(0, size.indexOf('x'))) / 64;
        // All keys at once: moving the areas one by one would pass through overlapping layouts.
        List<ConfigOverride> scaled = new ArrayList<>();
        scaled.add(new ConfigOverride(CortexKeys.WIDTH.name(), Integer.toString(64 * scale), "bench"));
        scaled.add(new ConfigOverride(CortexKeys.HEIGHT.name(), Integer.toString(48 * scale), "bench"));
        for (var k : CortexKeys.AREA_KEYS) {
            String[] r = k.defaultValue().split(",");
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 4; i++) sb.append(i == 0 ? "" : ",").append(Integer.parseInt(r[i].trim()) * scale);
            scaled.add(new ConfigOverride(k.name(), sb.toString(), "bench"));
        }
        Config c = AgentSchema.loader().load(List.of(), scaled);
        sheet = new Sheet(c, 1);
        areas = sheet.areas().stream().filter(Area::predicting).toArray(Area[]::new);
        frames = new float[areas.length][];
        Random r = new Random(1);
        for (int a = 0; a < areas.length; a++) {
            frames[a] = new float[areas[a].size()];
            for (int i = 0; i < frames[a].length; i++) frames[a][i] = r.nextFloat();
        }
        for (int t = 0; t < 50; t++) step();
    }

    /** Feeds every area its native-size frame (one value changed per tick) and steps. */
    @Benchmark
    public float step() {
        tick++;
        for (int a = 0; a < areas.length; a++) {
            float[] f = frames[a];
            f[tick % f.length] = (tick & 7) * 0.1f;
            sheet.input(areas[a], f, areas[a].width(), areas[a].height());
        }
        sheet.step();
        return sheet.areaSurprise()[0];
    }
}
