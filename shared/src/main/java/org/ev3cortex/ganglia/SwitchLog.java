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

    /** How many switches into {@code b} had {@code r} as their reason, among those still kept. */
    public int countKept(Reason r) {
        int n = 0;
        for (int k = 0; k < Math.min(count, tick.length); k++) if (reason[k] == r) n++;
        return n;
    }

    /** How many switches are still kept (at most the capacity); index them with 0 = oldest kept. */
    public int kept() {
        return (int) Math.min(count, tick.length);
    }

    private int slot(int k) {
        if (k < 0 || k >= kept()) throw new IndexOutOfBoundsException("switch " + k + " of " + kept() + " kept");
        return (int) ((Math.max(0, count - tick.length) + k) % tick.length);
    }

    /** The tick of kept switch {@code k} (0 = oldest kept). */
    public long tick(int k) {
        return tick[slot(k)];
    }

    /** The behaviour kept switch {@code k} left. */
    public Behaviour from(int k) {
        return from[slot(k)];
    }

    /** The behaviour kept switch {@code k} chose. */
    public Behaviour to(int k) {
        return to[slot(k)];
    }

    public Reason reason(int k) {
        return reason[slot(k)];
    }

    /** The salience of the behaviour kept switch {@code k} left (0 for a reflex). */
    public double salienceFrom(int k) {
        return salienceFrom[slot(k)];
    }

    /** The salience of the behaviour kept switch {@code k} chose. */
    public double salienceTo(int k) {
        return salienceTo[slot(k)];
    }

    /** Why kept switch {@code k} happened, in words, e.g. {@code "salience 0.350 > 0.200"}. */
    public String reasonText(int k) {
        int i = slot(k);
        switch (reason[i]) {
            case SALIENCE: return String.format(java.util.Locale.ROOT, "salience %.3f > %.3f", salienceTo[i], salienceFrom[i]);
            case STALL: return "stall detected (efference mismatch)";
            case BUMPER: return "bumper pressed";
            case REFLEX_DONE: return "reflex finished";
            case WATCHDOG: return "watchdog tripped";
            default: return "behaviour disabled";
        }
    }

    /** The kept switches, oldest first, e.g. {@code "tick 53: EXPLORE -> PHONOTAXIS (salience 0.35 > 0.20)"}. */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < kept(); k++) {
            out.add("tick " + tick(k) + ": " + from(k) + " -> " + to(k) + " (" + reasonText(k) + ")");
        }
        return out;
    }
}
