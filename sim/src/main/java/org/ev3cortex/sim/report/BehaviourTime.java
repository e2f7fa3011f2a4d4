package org.ev3cortex.sim.report;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ev3cortex.body.Snapshot;
import org.ev3cortex.ganglia.ActionSelection;
import org.ev3cortex.ganglia.Behaviour;
import org.ev3cortex.seam.MotorCommands;
import org.ev3cortex.seam.TickObserver;

/** Counts the ticks each behaviour was the selected one, without allocation. */
public final class BehaviourTime implements TickObserver {
    private final ActionSelection selection;
    private final long[] ticks = new long[Behaviour.values().length];
    private long total;

    public BehaviourTime(ActionSelection selection) {
        this.selection = selection;
    }

    @Override
    public void afterTick(long tick, Snapshot snapshot, MotorCommands commands) {
        ticks[selection.active().ordinal()]++;
        total++;
    }

    public long ticks(Behaviour b) {
        return ticks[b.ordinal()];
    }

    public long total() {
        return total;
    }

    /** Share of ticks per behaviour that ran at all, largest first. */
    public Map<String, Object> shares() {
        Behaviour[] order = Behaviour.values().clone();
        java.util.Arrays.sort(order, (a, b) -> Long.compare(ticks[b.ordinal()], ticks[a.ordinal()]));
        Map<String, Object> out = new LinkedHashMap<>();
        for (Behaviour b : order) {
            if (ticks[b.ordinal()] > 0) out.put(b.name(), ticks[b.ordinal()] / (double) Math.max(1, total));
        }
        return out;
    }
}
