package org.ev3cortex.sim.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ev3cortex.body.PixelFormat;
import org.ev3cortex.config.Config;
import org.ev3cortex.config.ConfigException;
import org.ev3cortex.config.ConfigLoader;
import org.ev3cortex.sim.SimKeys;
import org.ev3cortex.sim.world.Renderer;
import org.ev3cortex.sim.world.World;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The simulated world's share of one 100 ms tick of the default run, the robot driving a curve
 * through the default arena: {@code step} steps the world one tick (20 physics steps, the
 * microphones' noise draws) and reads the agent's 512-frame stereo window (the samples are made
 * when read); {@code camera} renders the 160 x 120 view and converts it to the YUYV frame. Run
 * with {@code java -cp "$(cat sim/target/bench.classpath)" org.openjdk.jmh.Main WorldBench -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class WorldBench {
    private World world;
    private Renderer renderer;
    private byte[] frame;
    private short[] audio;
    private long nanos;
    private int tick;

    @Setup(Level.Trial)
    public void setUp() throws ConfigException, java.io.IOException {
        Config c = new ConfigLoader(SimKeys.schema()).load(List.of(), List.of());
        world = new World(c);
        renderer = new Renderer(160, 120, c.get(SimKeys.CAMERA_FOV_DEG), c.get(SimKeys.CAMERA_HEIGHT_M));
        frame = new byte[2 * 160 * 120];
        audio = new short[2 * 512];
    }

    @Benchmark
    public short step() {
        // A new curve every 5 s, so the robot keeps moving about (and bumping into) the arena.
        if (tick++ % 50 == 0) {
            world.runForever(0, 200 + (tick * 37) % 500);
            world.runForever(1, 200 + (tick * 53) % 500);
        }
        nanos += 100_000_000L;
        world.advanceTo(nanos);
        world.copyNewestAudio(audio);
        return audio[audio.length - 1];
    }

    @Benchmark
    public byte camera() {
        step();
        renderer.render(world);
        renderer.toFrame(PixelFormat.YUYV, frame);
        return frame[frame.length / 2];
    }
}
