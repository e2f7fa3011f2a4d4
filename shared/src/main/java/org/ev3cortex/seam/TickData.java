package org.ev3cortex.seam;

import org.ev3cortex.body.Snapshot;

/**
 * Everything the loop hands a stage in one tick, allocated once. The data flows one way:
 * the snapshot and the efference copy are read; pathways fill their own outputs and their
 * {@link Percepts}; the basal ganglia read percepts and write the {@link Intent}; M1 reads the
 * intent and writes {@link MotorCommands}; the write phase issues them, and what it issued is the
 * next tick's efference copy.
 */
public final class TickData {
    private final Snapshot snapshot;
    private final MotorCommands commands;
    private final Percepts percepts = new Percepts();
    private final Intent intent = new Intent();
    private boolean learn = true;

    public TickData(Snapshot snapshot, MotorCommands commands) {
        this.snapshot = snapshot;
        this.commands = commands;
    }

    /** Every sense of this tick, copied in by the read phase. */
    public Snapshot in() { return snapshot; }
    public long tick() { return snapshot.tick; }
    /** What the write phase issued last tick, read-only. */
    public Efference efference() { return commands; }
    public Percepts percepts() { return percepts; }
    public Intent intent() { return intent; }
    /** Whether the learning stages learn in this tick (the loop sheds learning when it runs late). */
    public boolean learn() { return learn; }
    /** Set by the loop before the stages run. */
    public void learn(boolean on) { learn = on; }

    /** This tick's requests, cleared by the loop before the stages run. */
    public MotorCommands commands() { return commands; }
}
