package org.ev3cortex.ganglia;

import java.util.ArrayList;
import java.util.List;

/**
 * A ring of behaviour switches with their reasons, kept as numbers so that logging a switch in the
 * tick costs no allocation; {@link #describe} formats them for the viewer and summary.json.
 */
public final class SwitchLog {
    /** Why a switch happened. */
    public enum Reason { SALIENCE, STALL, BUMPER, REFLEX_DONE, WATCHDOG, DISABLED }

    private final long[] tick;
    private final Behaviour[] from;
    private final Behaviour[] to;
    private final Reason[] reason;
    private final double[] salienceFrom;
    private final double[] salienceTo;
    private long count;

    public SwitchLog(int capacity) {
        tick = new long[capacity];
        from = new Behaviour[capacity];
        to = new Behaviour[capacity];
        reason = new Reason[capacity];
        salienceFrom = new double[capacity];
        salienceTo = new double[capacity];
    }

    void add(long t, Behaviour f, Behaviour n, Reason r, double sf, double sn) {
        int i = (int) (count % tick.length);
        tick[i] = t;
        from[i] = f;
        to[i] = n;
        reason[i] = r;
        salienceFrom[i] = sf;
        salienceTo[i] = sn;
        count++;
    }

    public long count() {
        return count;
    }

    /** How many switches the ring keeps. */
    public int capacity() {
        return tick.length;
    }

    // Switch number k (0-based, among the last capacity()), without allocating: for the recorder.
    public long tickOf(long k) { return tick[(int) (k % tick.length)]; }
    public Behaviour fromOf(long k) { return from[(int) (k % tick.length)]; }
    public Behaviour toOf(long k) { return to[(int) (k % tick.length)]; }
    public Reason reasonOf(long k) { return reason[(int) (k % tick.length)]; }
    public double salienceFromOf(long k) { return salienceFrom[(int) (k % tick.length)]; }
    public double salienceToOf(long k) { return salienceTo[(int) (k % tick.length)]; }

    /** How many switches into {@code b} had {@code r} as their reason, among those still kept. */
    public int countKept(Reason r) {
        int n = 0;
        for (int k = 0; k < Math.min(count, tick.length); k++) if (reason[k] == r) n++;
        return n;
    }

    /** The kept switches, oldest first, e.g. {@code "tick 53: EXPLORE -> PHONOTAXIS (salience 0.35 > 0.20)"}. */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        long first = Math.max(0, count - tick.length);
        for (long k = first; k < count; k++) {
            int i = (int) (k % tick.length);
            String why;
            switch (reason[i]) {
                case SALIENCE: why = String.format(java.util.Locale.ROOT, "salience %.3f > %.3f", salienceTo[i], salienceFrom[i]); break;
                case STALL: why = "stall detected (efference mismatch)"; break;
                case BUMPER: why = "bumper pressed"; break;
                case REFLEX_DONE: why = "reflex finished"; break;
                case WATCHDOG: why = "watchdog tripped"; break;
                default: why = "behaviour disabled"; break;
            }
            out.add("tick " + tick[i] + ": " + from[i] + " -> " + to[i] + " (" + why + ")");
        }
        return out;
    }
}
