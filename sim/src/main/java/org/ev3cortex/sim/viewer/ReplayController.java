package org.ev3cortex.sim.viewer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ev3cortex.sim.record.McapReader;

/**
 * The viewer's replay of a recording ({@code sim view FILE.mcap}): play, pause, step one tick and
 * seek, feeding the recording's messages to a {@link TelemetryModel} as if they arrived live. The
 * messages are ordered by log time; a tick's messages share one. Play advances by the wall time
 * the caller reports ({@link #advance}) times the speed. No Swing: the window's buttons and keys
 * call these methods.
 */
public final class ReplayController {
    private final List<McapReader.Message> all = new ArrayList<>();
    private final TelemetryModel model;
    private int next; // the first message not yet delivered
    private boolean playing;
    private double speed = 1;
    private long clock; // log time played up to

    public ReplayController(McapReader.Recording rec, TelemetryModel model) {
        this.model = model;
        for (List<McapReader.Message> ms : rec.messages.values()) all.addAll(ms);
        all.sort(Comparator.comparingLong(m -> m.logTime)); // stable: file order within a tick
        clock = all.isEmpty() ? 0 : all.get(0).logTime - 1;
    }

    public synchronized boolean playing() { return playing; }
    public synchronized void play() { playing = true; }
    public synchronized void pause() { playing = false; }
    public synchronized void toggle() { playing = !playing; }
    public synchronized void speed(double s) { speed = s; }
    public synchronized double speed() { return speed; }
    /** Messages in the recording, and delivered so far. */
    public int size() { return all.size(); }
    public synchronized int position() { return next; }
    public synchronized boolean atEnd() { return next >= all.size(); }
    /** The log times of the first and last message. */
    public long firstTime() { return all.isEmpty() ? 0 : all.get(0).logTime; }
    public long lastTime() { return all.isEmpty() ? 0 : all.get(all.size() - 1).logTime; }
    /** The log time played up to. */
    public synchronized long clock() { return clock; }

    /** While playing, delivers what {@code wallNanos} of wall time at the speed covers; stops at the end. */
    public synchronized void advance(long wallNanos) {
        if (!playing || atEnd()) {
            if (atEnd()) playing = false;
            return;
        }
        long target = clock + (long) (wallNanos * speed);
        deliverUpTo(target);
        clock = Math.max(clock, target);
        if (atEnd()) playing = false;
    }

    /** Pauses and delivers the next tick's messages (those of the next log time). */
    public synchronized void step() {
        playing = false;
        if (atEnd()) return;
        long t = all.get(next).logTime;
        deliverUpTo(t);
        clock = t;
    }

    /** Pauses and delivers the previous tick again (the model rebuilt up to it). */
    public synchronized void stepBack() {
        playing = false;
        if (next <= 1) return;
        long current = all.get(next - 1).logTime;
        int i = next - 1;
        while (i > 0 && all.get(i).logTime == current) i--;
        seekTime(all.get(i).logTime == current ? current - 1 : all.get(i).logTime);
    }

    /** Jumps to a fraction 0..1 of the recording's time span. */
    public synchronized void seek(double fraction) {
        double f = Math.max(0, Math.min(1, fraction));
        seekTime(firstTime() + (long) (f * (lastTime() - firstTime())));
    }

    /**
     * Jumps to log time {@code t}: the model is cleared and rebuilt with every message up to
     * {@code t}; of the camera, audio and sheet maps only the last before {@code t} is decoded.
     */
    public synchronized void seekTime(long t) {
        model.clear();
        int end = 0;
        while (end < all.size() && all.get(end).logTime <= t) end++;
        Map<String, Integer> lastHeavy = new HashMap<>();
        for (int i = 0; i < end; i++) if (heavy(all.get(i).topic)) lastHeavy.put(all.get(i).topic, i);
        for (int i = 0; i < end; i++) {
            McapReader.Message m = all.get(i);
            if (heavy(m.topic) && lastHeavy.get(m.topic) != i) continue;
            model.accept(m.topic, m.logTime, m.json());
        }
        next = end;
        clock = t;
    }

    private static boolean heavy(String topic) {
        return topic.equals("/camera") || topic.equals("/audio") || topic.startsWith("/sheet/");
    }

    private void deliverUpTo(long t) {
        while (next < all.size() && all.get(next).logTime <= t) {
            McapReader.Message m = all.get(next++);
            model.accept(m.topic, m.logTime, m.json());
        }
    }
}
