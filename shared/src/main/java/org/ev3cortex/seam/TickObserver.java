package org.ev3cortex.seam;

import org.ev3cortex.body.Snapshot;

/**
 * Sees each finished tick, after the write phase: recorders, the viewer's hand-off, progress.
 * Not timed as a stage and not part of the agent; like a stage, it must not allocate.
 */
public interface TickObserver {
    void afterTick(long tick, Snapshot snapshot, MotorCommands commands);
}
