package org.ev3cortex.sim.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import org.ev3cortex.seam.MotorCommands;
import org.ev3cortex.seam.TickObserver;
import org.ev3cortex.body.Snapshot;

/**
 * Records named time series, one sample per tick, into arrays sized once for the run, so
 * recording costs no allocation per tick. Series are read by suppliers registered before the run.
 */
public final class Recorder implements TickObserver {
    private final int capacity;
    private final int every;
    private final List<String> names = new ArrayList<>();
    private final List<DoubleSupplier> sources = new ArrayList<>();
    private final List<double[]> data = new ArrayList<>();
    private DoubleSupplier[] sourceArray = new DoubleSupplier[0];
    private double[][] dataArray = new double[0][];
    private int size;

    /**
     * @param ticks how many ticks the run has
     * @param every record one tick in {@code every} (long runs)
     */
    public Recorder(long ticks, int every) {
        this.every = Math.max(1, every);
        this.capacity = (int) Math.min(Integer.MAX_VALUE - 8, ticks / this.every + 1);
    }

    public Recorder series(String name, DoubleSupplier source) {
        names.add(name);
        sources.add(source);
        data.add(new double[capacity]);
        sourceArray = sources.toArray(new DoubleSupplier[0]);
        dataArray = data.toArray(new double[0][]);
        return this;
    }

    @Override
    public void afterTick(long tick, Snapshot snapshot, MotorCommands commands) {
        if (tick % every != 0 || size >= capacity) return;
        for (int i = 0; i < sourceArray.length; i++) dataArray[i][size] = sourceArray[i].getAsDouble();
        size++;
    }

    public int size() {
        return size;
    }

    /** A copy of one series, trimmed to what was recorded. */
    public double[] get(String name) {
        int i = names.indexOf(name);
        if (i < 0) throw new IllegalArgumentException("no series " + name + "; have " + names);
        return java.util.Arrays.copyOf(data.get(i), size);
    }

    public Map<String, double[]> all() {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (String n : names) out.put(n, get(n));
        return out;
    }
}
