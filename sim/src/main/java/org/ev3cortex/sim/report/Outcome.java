package org.ev3cortex.sim.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ev3cortex.body.Snapshot;
import org.ev3cortex.seam.MotorCommands;
import org.ev3cortex.seam.TickObserver;
import org.ev3cortex.sim.world.SoundSource;
import org.ev3cortex.sim.world.World;
import org.ev3cortex.sim.world.WorldSpec;

/**
 * What a simulated run achieved, observed after each tick without allocation: collisions per
 * simulated minute, and for every sound source and lamp the robot's distance at the end, the
 * closest it came and when it was first within {@link #REACHED_M}.
 */
public final class Outcome implements TickObserver {
    /** "Reached" means the robot's centre came this close to a target. */
    public static final double REACHED_M = 0.3;

    private final World w;
    private final long periodMs;
    private final long[] perMinute;
    private final double[] tx;
    private final double[] ty;
    private final String[] names;
    private final double[] closest;
    private final double[] closestS;
    private final double[] reachedS;
    private final double[] last;
    private long lastCollisions;
    private long ticks;

    /** @param maxTicks the longest run to count collisions per minute for (later minutes are not kept) */
    public Outcome(World w, long maxTicks, long periodMs) {
        this.w = w;
        this.periodMs = periodMs;
        long minutes = (maxTicks * periodMs + 59_999) / 60_000;
        perMinute = new long[(int) Math.max(1, Math.min(minutes, 100_000))];
        int n = w.sounds.size() + w.lights.size();
        tx = new double[n];
        ty = new double[n];
        names = new String[n];
        int i = 0;
        for (SoundSource s : w.sounds) {
            tx[i] = s.x;
            ty[i] = s.y;
            names[i++] = "sound " + s.kind.name().toLowerCase(java.util.Locale.ROOT) + " " + s.x + "," + s.y;
        }
        for (WorldSpec.Light l : w.lights) {
            tx[i] = l.x;
            ty[i] = l.y;
            names[i++] = "light " + l.x + "," + l.y;
        }
        closest = new double[n];
        closestS = new double[n];
        reachedS = new double[n];
        last = new double[n];
        java.util.Arrays.fill(closest, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(reachedS, -1);
        lastCollisions = w.collisions();
    }

    @Override
    public void afterTick(long tick, Snapshot snapshot, MotorCommands commands) {
        ticks++;
        long ms = tick * periodMs;
        long c = w.collisions();
        int minute = (int) Math.min(ms / 60_000, perMinute.length - 1);
        perMinute[minute] += c - lastCollisions;
        lastCollisions = c;
        double x = w.x();
        double y = w.y();
        for (int i = 0; i < tx.length; i++) {
            double d = Math.hypot(x - tx[i], y - ty[i]);
            last[i] = d;
            if (d < closest[i]) {
                closest[i] = d;
                closestS[i] = ms / 1000.0;
            }
            if (d <= REACHED_M && reachedS[i] < 0) reachedS[i] = ms / 1000.0;
        }
    }

    /** Collisions in each simulated minute of the run so far (the last one may be partial). */
    public long[] collisionsPerMinute() {
        int minutes = (int) Math.min(perMinute.length, Math.max(1, (ticks * periodMs + 59_999) / 60_000));
        return java.util.Arrays.copyOf(perMinute, minutes);
    }

    /** How many targets (sound sources, then lamps). */
    public int targets() {
        return tx.length;
    }

    /** The distance to target i at the end, m. */
    public double endM(int i) {
        return last[i];
    }

    /** The closest the robot came to target i, m. */
    public double closestM(int i) {
        return closest[i];
    }

    /** When the robot was first within {@link #REACHED_M} of target i, simulated s; -1 if never. */
    public double reachedS(int i) {
        return reachedS[i];
    }

    /** The targets for summary.json: name, position, distance at the end and at its closest, when first reached. */
    public List<Map<String, Object>> targetsJson() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < tx.length; i++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("target", names[i]);
            m.put("x", tx[i]);
            m.put("y", ty[i]);
            m.put("endM", ticks == 0 ? null : last[i]);
            m.put("closestM", ticks == 0 ? null : closest[i]);
            m.put("closestAtS", ticks == 0 ? null : closestS[i]);
            m.put("firstWithin0_3mS", reachedS[i] < 0 ? null : reachedS[i]);
            out.add(m);
        }
        return out;
    }
}
