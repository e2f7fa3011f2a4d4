package org.ev3cortex.ganglia;

/** What the robot is doing; the reflexes first, as they always win. */
public enum Behaviour {
    /** Motors held stopped after a watchdog trip. */
    FREEZE,
    /** Reversing after a stall or a bumper press. */
    BACK_OFF,
    /** Turning on the spot after backing off. */
    TURN_AWAY,
    EXPLORE,
    ORIENT,
    PHONOTAXIS,
    APPROACH_LIGHT,
    /** Nothing enabled. */
    IDLE,
    /** A detour: following an obstacle's edge until the goal can be steered for again (last, so older recordings' indices hold). */
    FOLLOW_EDGE;

    public boolean isReflex() {
        return this == FREEZE || this == BACK_OFF || this == TURN_AWAY;
    }
}
