package org.ev3cortex.sim.body;

import java.util.Random;
import org.ev3cortex.body.Reading;
import org.ev3cortex.body.SystemStats;
import org.ev3cortex.sim.world.World;

/**
 * The simulated brick's system statistics, for the Insula: a seeded model, sampled once per
 * simulated second as the brick's OSHI source samples, so a run depends only on its seed and
 * config (the host's figures are {@code sim.hostStats}'s opt-in, and laptop mode's).
 *
 * <p>The model, chosen to look like an EV3 running the agent, ffmpeg and arecord:
 * <ul>
 *   <li>CPU load: 0.55, a slow 40 s swell of ±0.1 (the camera and sound work), and seeded
 *       noise of 0.04, clamped to 0..1;</li>
 *   <li>memory: 64 MB in total; in use, 28 MB plus a heap that grows 0.25 MB/s and drops back
 *       when a collection frees it at 34 MB;</li>
 *   <li>temperature: first-order, 60 s time constant, towards 35 °C + 25 °C × the CPU load;</li>
 *   <li>processes: 96, and now and then (2 % per second) a short-lived helper for 1 to 5 s.</li>
 * </ul>
 */
final class SimSystemStats extends SimBody.SyncSource<double[]> implements SystemStats {
    private static final long SECOND_NANOS = 1_000_000_000L;
    private static final double TOTAL_BYTES = 64.0 * (1 << 20);
    private static final double BASE_BYTES = 28.0 * (1 << 20);
    private static final double HEAP_GROWTH_BYTES_PER_S = 0.25 * (1 << 20);
    private static final double COLLECT_AT_BYTES = 34.0 * (1 << 20);

    private final World world;
    private final Random random;
    private final double[] value = new double[SIZE];
    private long nextSampleNanos = Long.MIN_VALUE;
    private long seconds;
    private double heap;
    private double temperature = 45;
    private int helperSeconds;

    SimSystemStats(World world, long seed) {
        this.world = world;
        this.random = new Random(seed * 0x9E3779B97F4A7C15L + 0x1D);
    }

    @Override public String name() { return "sim-system-stats"; }

    @Override
    public long read(double[] dst, Reading out) {
        if (!running(out)) {
            out.sequence = sequence;
            return sequence;
        }
        long now = world.nanos();
        if (now >= nextSampleNanos) {
            sample();
            nextSampleNanos = (nextSampleNanos == Long.MIN_VALUE ? now : nextSampleNanos) + SECOND_NANOS;
            sequence++;
        }
        System.arraycopy(value, 0, dst, 0, SIZE);
        out.sequence = sequence;
        out.captureNanos = nextSampleNanos - SECOND_NANOS;
        return sequence;
    }

    /** One simulated second of the model. */
    private void sample() {
        double cpu = 0.55 + 0.1 * Math.sin(2 * Math.PI * seconds / 40.0) + 0.04 * random.nextGaussian();
        cpu = Math.max(0, Math.min(1, cpu));
        heap += HEAP_GROWTH_BYTES_PER_S;
        if (BASE_BYTES + heap >= COLLECT_AT_BYTES) heap = 0;
        temperature += (35 + 25 * cpu - temperature) / 60.0;
        if (helperSeconds > 0) {
            helperSeconds--;
        } else if (random.nextDouble() < 0.02) {
            helperSeconds = 1 + random.nextInt(5);
        }
        value[CPU_LOAD] = cpu;
        value[MEMORY_USED_BYTES] = BASE_BYTES + heap;
        value[MEMORY_TOTAL_BYTES] = TOTAL_BYTES;
        value[TEMPERATURE_C] = temperature;
        value[PROCESS_COUNT] = 96 + (helperSeconds > 0 ? 1 : 0);
        seconds++;
    }
}
