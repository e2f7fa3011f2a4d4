package org.ev3cortex.sim.bench;

import org.ev3cortex.agent.AgentSchema;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.ev3cortex.seam.MotorCommands;
import org.ev3cortex.seam.Stage;
import org.ev3cortex.body.PixelFormat;
import org.ev3cortex.body.Snapshot;
import org.ev3cortex.config.Config;
import org.ev3cortex.a1.A1;
import org.ev3cortex.insula.Insula;
import org.ev3cortex.s1.S1;
import org.ev3cortex.seam.TickData;
import org.ev3cortex.v1.V1;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One whole pass of the sensory pathways for the default brick config: V1 on a 160x120 YUYV frame (DoG, two
 * 32x32 log-polar areas), A1 on 512 stereo frames (32 bands), S1 and Insula, as the loop calls
 * them every tick (each tick brings a new frame and a new audio window).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PathwaysBench {
    private Stage[] stages;
    private Snapshot snapshot;
    private TickData tick;

    @Setup
    public void setUp() {
        Config c = AgentSchema.defaults();
        stages = new Stage[] {new V1(), new A1(), new S1(), new Insula()};
        for (Stage s : stages) s.configure(c);
        snapshot = new Snapshot(PixelFormat.YUYV.frameBytes(160, 120), 512 * 2, 2, 1);
        Random rnd = new Random(1);
        rnd.nextBytes(snapshot.frame);
        for (int i = 0; i < snapshot.audio.length; i++) snapshot.audio[i] = (short) (rnd.nextGaussian() * 3000);
        tick = new TickData(snapshot, new MotorCommands(2));
    }

    @Benchmark
    public Snapshot pass() {
        snapshot.frameReading.sequence++;
        snapshot.audioReading.sequence++;
        for (int i = 0; i < stages.length; i++) stages[i].update(tick);
        return snapshot;
    }
}
