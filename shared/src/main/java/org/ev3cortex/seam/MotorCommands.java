package org.ev3cortex.seam;

import org.ev3cortex.body.StopAction;

/**
 * The motor commands of one tick, as structure-of-arrays, in ev3dev's vocabulary. Stages write
 * {@code request*}; the loop clears the requests at the start of each tick, issues them in the
 * write phase, and keeps what it actually issued as the efference copy ({@code issued*}).
 */
public final class MotorCommands implements Efference {
    public static final int NONE = 0;
    public static final int RUN_FOREVER = 1;
    public static final int RUN_TO_REL_POS = 2;
    public static final int RUN_TIMED = 3;
    public static final int STOP = 4;

    private final int[] mode;
    private final int[] speedCountsPerSec;
    private final int[] deltaCounts;
    private final int[] timeMs;
    private final StopAction[] stopAction;

    /** Efference copy: the last command the loop issued per motor (safety stops included). */
    private final int[] issuedMode;
    private final int[] issuedSpeedCountsPerSec;
    private final long[] issuedTick;

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

    @Override
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

    public int requestedDeltaCounts(int motor) {
        return deltaCounts[motor];
    }

    public int requestedTimeMs(int motor) {
        return timeMs[motor];
    }

    /** The stop action requested with {@link #STOP}, or null for the safety default. */
    public StopAction requestedStopAction(int motor) {
        return stopAction[motor];
    }

    /** The mode last issued to the motor (the efference copy); {@link #NONE} before any. */
    @Override
    public int issuedMode(int motor) {
        return issuedMode[motor];
    }

    /** The speed last issued to the motor, 0 after a stop. */
    @Override
    public int issuedSpeed(int motor) {
        return issuedSpeedCountsPerSec[motor];
    }

    /** The tick at which the last command was issued, -1 before any. */
    @Override
    public long issuedTick(int motor) {
        return issuedTick[motor];
    }

    /** Start of a tick (the loop only): no motor has a request yet. */
    public void clearRequests() {
        java.util.Arrays.fill(mode, NONE);
    }

    /** The write phase only: what it issued becomes the efference copy. */
    public void recordIssued(int motor, int mode, int speed, long tick) {
        issuedMode[motor] = mode;
        issuedSpeedCountsPerSec[motor] = speed;
        issuedTick[motor] = tick;
    }
}
