package org.ev3cortex.seam;

import java.util.Arrays;
import java.util.List;

/**
 * Per-epoch timing and event counts of the tick loop. The loop writes it on its own thread
 * without allocating; readers (the viewer, the exit log) get consistent-enough figures from
 * {@link #epochSummary} and the counters. Epoch 0 is {@code read}, the last is {@code write},
 * and the stages lie in between. Written by the loop, its motor guard and its watchdog only.
 */
public final class LoopStats {
    private final String[] epochNames;
    private final long[][] recentNanos; // [epoch][window], a ring per epoch
    private final long[] minNanos;
    private final long[] maxNanos;
    private final long[] overrunsBlamed;
    private final long[] tickRecent;
    private int cursor;
    private volatile long ticks;
    private volatile long overruns;
    private volatile long motorSafetyStops;
    private volatile long watchdogTrips;
    private volatile long batteryStops;
    private volatile long maxTickNanos;

    /** Epochs {@code read}, each stage's, {@code write}; {@code window} recent ticks kept per epoch. */
    public static LoopStats forStages(Stage[] stages, int window) {
        List<String> names = new java.util.ArrayList<>();
        names.add("read");
        for (Stage s : stages) names.add(s.name());
        names.add("write");
        return new LoopStats(names, window);
    }

    public LoopStats(List<String> epochNames, int window) {
        this.epochNames = epochNames.toArray(new String[0]);
        int n = this.epochNames.length;
        recentNanos = new long[n][window];
        minNanos = new long[n];
        maxNanos = new long[n];
        overrunsBlamed = new long[n];
        tickRecent = new long[window];
        Arrays.fill(minNanos, Long.MAX_VALUE);
    }

    public void recordEpoch(int epoch, long nanos) {
        recentNanos[epoch][cursor] = nanos;
        if (nanos < minNanos[epoch]) minNanos[epoch] = nanos;
        if (nanos > maxNanos[epoch]) maxNanos[epoch] = nanos;
    }

    /** Ends a tick; returns the epoch that took longest in it. */
    public int endTick(long tickNanos) {
        tickRecent[cursor] = tickNanos;
        if (tickNanos > maxTickNanos) maxTickNanos = tickNanos;
        int slowest = 0;
        for (int e = 1; e < epochNames.length; e++) {
            if (recentNanos[e][cursor] > recentNanos[slowest][cursor]) slowest = e;
        }
        cursor = (cursor + 1) % tickRecent.length;
        ticks++;
        return slowest;
    }

    public void overrun(int blamedEpoch) {
        overruns++;
        overrunsBlamed[blamedEpoch]++;
    }

    public void motorSafetyStop() { motorSafetyStops++; }
    public void watchdogTrip() { watchdogTrips++; }
    public void batteryStop() { batteryStops++; }

    public long ticks() { return ticks; }
    public long overruns() { return overruns; }
    public long motorSafetyStops() { return motorSafetyStops; }
    public long watchdogTrips() { return watchdogTrips; }
    public long batteryStops() { return batteryStops; }
    public long maxTickNanos() { return maxTickNanos; }

    /** The epoch's time in the last finished tick; the loop thread (a tick observer) only. */
    public long lastEpochNanos(int epoch) {
        return recentNanos[epoch][(cursor + tickRecent.length - 1) % tickRecent.length];
    }

    /** The last finished tick's time; the loop thread (a tick observer) only. */
    public long lastTickNanos() {
        return tickRecent[(cursor + tickRecent.length - 1) % tickRecent.length];
    }

    public List<String> epochNames() {
        return List.of(epochNames);
    }

    /** Overruns for which this epoch was the slowest of its tick. */
    public long overrunsBlamedOn(String epoch) {
        return overrunsBlamed[indexOf(epoch)];
    }

    /**
     * {min, median, max} in nanoseconds for an epoch ({@code "tick"} for whole ticks). Min and max
     * are over the whole run, the median over the recent window. Allocates; not for the loop.
     */
    public long[] epochSummary(String epoch) {
        long seen = Math.min(ticks, tickRecent.length);
        if (seen == 0) return new long[] {0, 0, 0};
        long[] copy;
        long min;
        long max;
        if (epoch.equals("tick")) {
            copy = Arrays.copyOf(tickRecent, (int) seen);
            min = Arrays.stream(copy).min().orElse(0);
            max = maxTickNanos;
        } else {
            int e = indexOf(epoch);
            copy = Arrays.copyOf(recentNanos[e], (int) seen);
            min = minNanos[e];
            max = maxNanos[e];
        }
        Arrays.sort(copy);
        return new long[] {min, copy[copy.length / 2], max};
    }

    private int indexOf(String epoch) {
        for (int i = 0; i < epochNames.length; i++) {
            if (epochNames[i].equals(epoch)) return i;
        }
        throw new IllegalArgumentException("no epoch named " + epoch + "; epochs are " + List.of(epochNames));
    }

    /** A multi-line table for the exit log. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%d ticks, %d overruns, %d motor-safety stops, %d watchdog trips, %d battery stops%n",
                ticks, overruns, motorSafetyStops, watchdogTrips, batteryStops));
        sb.append(String.format("  %-12s %10s %10s %10s %9s%n", "epoch", "min ms", "median ms", "max ms", "overruns"));
        for (String name : epochNames) {
            long[] s = epochSummary(name);
            sb.append(String.format("  %-12s %10.3f %10.3f %10.3f %9d%n", name, s[0] / 1e6, s[1] / 1e6, s[2] / 1e6,
                    overrunsBlamedOn(name)));
        }
        long[] t = epochSummary("tick");
        sb.append(String.format("  %-12s %10.3f %10.3f %10.3f %9d", "tick", t[0] / 1e6, t[1] / 1e6, t[2] / 1e6, overruns));
        return sb.toString();
    }
}
