package org.ev3cortex.insula;

import org.ev3cortex.body.Snapshot;
import org.ev3cortex.body.SystemStats;
import org.ev3cortex.config.Config;
import org.ev3cortex.seam.PathwayOutput;
import org.ev3cortex.seam.Region;
import org.ev3cortex.seam.Stage;
import org.ev3cortex.seam.TickData;

/**
 * The interoceptive pathway: the body's own state as a vector of {@value #SIZE} values, each
 * clamped to [0, 1]; a reading the body does not have (NaN) is 0.
 * <pre>
 *   0 battery     (V - batteryEmptyV) / (batteryFullV - batteryEmptyV)
 *   1 current     |A| / maxCurrentA
 *   2 cpu         whole-system CPU load
 *   3 memory      memory used / total memory
 *   4 temperature (C - coolC) / (hotC - coolC)
 *   5 processes   process count / maxProcesses
 * </pre>
 */
public final class Insula implements Stage {
    public static final int BATTERY = 0;
    public static final int CURRENT = 1;
    public static final int CPU = 2;
    public static final int MEMORY = 3;
    public static final int TEMPERATURE = 4;
    public static final int PROCESSES = 5;
    public static final int SIZE = 6;

    /** The area's shape: one row of {@value #SIZE} readings. */
    public static final String SHAPE_SOURCE = SIZE + " x 1";

    private double emptyV = 5.5;
    private double fullV = 9.0;
    private double maxA = 3.0;
    private double coolC = 20;
    private double hotC = 90;
    private double maxProcesses = 200;
    private final PathwayOutput area = new PathwayOutput(Region.INSULA);

    {
        area.reshape(SIZE, 1);
    }

    public Insula() {}

    public static Insula fromConfig(Config c) {
        Insula s = new Insula();
        s.configure(c);
        return s;
    }

    @Override
    public String name() {
        return "insula";
    }

    @Override
    public void configure(Config c) {
        emptyV = c.get(InsulaKeys.BATTERY_EMPTY_V);
        fullV = c.get(InsulaKeys.BATTERY_FULL_V);
        maxA = c.get(InsulaKeys.MAX_CURRENT_A);
        coolC = c.get(InsulaKeys.COOL_C);
        hotC = c.get(InsulaKeys.HOT_C);
        maxProcesses = c.get(InsulaKeys.MAX_PROCESSES);
    }

    @Override
    public void update(TickData t) {
        Snapshot in = t.in();
        process(in.batteryV, in.batteryA, in.stats, area.output());
    }

    /** Six readings, each a few double operations, clamped and narrowed to float. */
    @Override
    public void countOps(org.ev3cortex.seam.OpCount c) {
        c.dop += 9; c.fcmp += 2 * SIZE; c.fconv += SIZE; c.bytes += 8 * 5 + 4 * SIZE;
    }

    /** Fills the caller-owned {@code dst} ({@value #SIZE} floats) from a {@link SystemStats} vector. */
    public void process(double batteryV, double batteryA, double[] stats, float[] dst) {
        dst[BATTERY] = unit((batteryV - emptyV) / (fullV - emptyV));
        dst[CURRENT] = unit(Math.abs(batteryA) / maxA);
        dst[CPU] = unit(stats[SystemStats.CPU_LOAD]);
        dst[MEMORY] = unit(stats[SystemStats.MEMORY_USED_BYTES] / stats[SystemStats.MEMORY_TOTAL_BYTES]);
        dst[TEMPERATURE] = unit((stats[SystemStats.TEMPERATURE_C] - coolC) / (hotC - coolC));
        dst[PROCESSES] = unit(stats[SystemStats.PROCESS_COUNT] / maxProcesses);
    }

    /** Clamps to [0, 1]; NaN (and a 0/0 memory ratio) is 0. */
    static float unit(double v) {
        if (!(v > 0)) return 0f;
        return v >= 1 ? 1f : (float) v;
    }

    public float[] area() { return area.output(); }
    /** The area this pathway feeds. */
    public org.ev3cortex.seam.Pathway output() { return area; }
}
