package org.ev3cortex.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ev3cortex.body.BodyKeys;
import org.ev3cortex.body.PixelFormat;
import org.ev3cortex.body.Snapshot;
import org.ev3cortex.body.SystemStats;
import org.ev3cortex.config.Config;
import org.ev3cortex.config.ConfigOverride;
import org.ev3cortex.seam.MotorCommands;
import org.ev3cortex.seam.OpCount;
import org.ev3cortex.seam.Stage;
import org.ev3cortex.seam.TickData;
import org.ev3cortex.testing.opcount.Executed;

/**
 * Runs the agent's stages on a synthetic, ever-changing snapshot (a new frame and audio window
 * every tick, moving wheels) and, for the last tick, returns per stage what the instrumented
 * bytecode executed and what the stage reports from its loop bounds. Loaded through
 * {@link org.ev3cortex.testing.opcount.CountingLoader} by {@link OpCountTest}.
 */
public final class OpCountProbe {
    private OpCountProbe() {}

    /** {@code [stage][0: executed, 1: reported][kind]}; {@code names} receives the stage names. */
    public static long[][][] run(String[] settings, int ticks, List<String> names) throws Exception {
        List<ConfigOverride> overrides = new ArrayList<>();
        for (String s : settings) overrides.add(ConfigOverride.parse(s, "--set"));
        Config c = AgentSchema.loader().load(List.of(), overrides);
        List<Stage> stages = new Stages(1050).inOrder();
        for (Stage s : stages) {
            s.configure(c);
            names.add(s.name());
        }
        PixelFormat format = BodyKeys.cameraFormat(c);
        int frames = c.get(BodyKeys.MIC_WINDOW_FRAMES);
        Snapshot snap = new Snapshot(format.frameBytes(c.get(BodyKeys.CAMERA_WIDTH), c.get(BodyKeys.CAMERA_HEIGHT)),
                frames * c.get(BodyKeys.MIC_CHANNELS), BodyKeys.motorPorts(c).length, BodyKeys.touchPorts(c).length);
        MotorCommands commands = new MotorCommands(snap.motors.count());
        TickData td = new TickData(snap, commands);
        Random rnd = new Random(11);
        long[][][] out = new long[stages.size()][2][];
        for (int t = 0; t < ticks; t++) {
            rnd.nextBytes(snap.frame);
            for (int i = 0; i < snap.audio.length; i++) snap.audio[i] = (short) (rnd.nextGaussian() * 4000);
            snap.frameReading.sequence++;
            snap.audioReading.sequence++;
            for (int m = 0; m < snap.motors.count(); m++) {
                snap.motors.speedCountsPerSec[m] = 300 + rnd.nextInt(200);
                snap.motors.positionCounts[m] += snap.motors.speedCountsPerSec[m] / 10;
            }
            snap.batteryV = 7.5 + 0.1 * rnd.nextDouble();
            snap.batteryA = 0.5;
            snap.stats[SystemStats.CPU_LOAD] = rnd.nextDouble();
            snap.stats[SystemStats.MEMORY_USED_BYTES] = 2e7;
            snap.stats[SystemStats.MEMORY_TOTAL_BYTES] = 6e7;
            snap.stats[SystemStats.TEMPERATURE_C] = 40;
            snap.stats[SystemStats.PROCESS_COUNT] = 80;
            snap.tick = t;
            commands.clearRequests();
            boolean last = t == ticks - 1;
            for (int i = 0; i < stages.size(); i++) {
                if (last) Executed.reset();
                stages.get(i).update(td);
                if (last) {
                    out[i][0] = Executed.snapshot();
                    OpCount reported = new OpCount();
                    stages.get(i).countOps(reported);
                    out[i][1] = reported.toArray();
                }
            }
            for (int m = 0; m < commands.count(); m++) {
                commands.recordIssued(m, commands.requestedMode(m), commands.requestedSpeed(m), t);
            }
        }
        return out;
    }
}
