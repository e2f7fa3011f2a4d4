package org.ev3cortex.agent;

import org.ev3cortex.body.StopAction;

/**
 * The motor commands of one tick, as structure-of-arrays, in ev3dev's vocabulary. Stages write
 * {@code request*}; the loop clears the requests at the start of each tick, issues them in the
 * write phase, and keeps what it actually issued as the efference copy ({@code issued*}).
 */
public final class MotorCommands {
    public static final int NONE = 0;
    public static final int RUN_FOREVER = 1;
    public static final int RUN_TO_REL_POS = 2;
    public static final int RUN_TIMED = 3;
    public static final int STOP = 4;

    final int[] mode;
    final int[] speedCountsPerSec;
    final int[] deltaCounts;
    final int[] timeMs;
    final StopAction[] stopAction;

    /** Efference copy: the last command the loop issued per motor (safety stops included). */
    final int[] issuedMode;
    final int[] issuedSpeedCountsPerSec;
    final long[] issuedTick;

    public MotorCommands(int motors) {
        mode = new int[motors];
        speedCountsPerSec = new int[motors];
        deltaCounts = new int[motors];
        timeMs = new int[motors];
        stopAction = new StopAction[motors];
        issuedMode = new int[motors];
        issuedSpeedCountsPerSec = new int[motors];
        issuedTick = new long[motors];
        java.util.Arrays.fill(issuedTick, -1);
    }

    public int count() {
        return mode.length;
    }

    public void runForever(int motor, int speedCountsPerSec) {
        mode[motor] = RUN_FOREVER;
        this.speedCountsPerSec[motor] = speedCountsPerSec;
    }

    public void runToRelPos(int motor, int deltaCounts, int speedCountsPerSec) {
        mode[motor] = RUN_TO_REL_POS;
        this.deltaCounts[motor] = deltaCounts;
        this.speedCountsPerSec[motor] = speedCountsPerSec;
    }

    public void runTimed(int motor, int timeMs, int speedCountsPerSec) {
        mode[motor] = RUN_TIMED;
        this.timeMs[motor] = timeMs;
        this.speedCountsPerSec[motor] = speedCountsPerSec;
    }

    public void stop(int motor, StopAction action) {
        mode[motor] = STOP;
        stopAction[motor] = action;
        speedCountsPerSec[motor] = 0;
    }

    /** The command requested this tick so far, one of the mode constants. */
    public int requestedMode(int motor) {
        return mode[motor];
    }

    public int requestedSpeed(int motor) {
        return speedCountsPerSec[motor];
    }

    /** The mode last issued to the motor (the efference copy); {@link #NONE} before any. */
    public int issuedMode(int motor) {
        return issuedMode[motor];
    }

    /** The speed last issued to the motor, 0 after a stop. */
    public int issuedSpeed(int motor) {
        return issuedSpeedCountsPerSec[motor];
    }

    /** The tick at which the last command was issued, -1 before any. */
    public long issuedTick(int motor) {
        return issuedTick[motor];
    }

    void clearRequests() {
        java.util.Arrays.fill(mode, NONE);
    }

    void recordIssued(int motor, int mode, int speed, long tick) {
        issuedMode[motor] = mode;
        issuedSpeedCountsPerSec[motor] = speed;
        issuedTick[motor] = tick;
    }
}
