package org.ev3cortex.body;

/**
 * The tacho motors, by index (the order of {@code body.motorPorts}: left wheel first), in
 * ev3dev's vocabulary and units: tacho counts and counts per second.
 *
 * <p>Commands may be called from any thread: the safety net (watchdog, shutdown hook) stops the
 * motors from its own thread while the loop may be stuck. Implementations make {@link #stop} and
 * {@link #stopAll} safe to call at any time, repeatedly, and never throw from them unless the
 * device is gone.
 */
public interface Motors {
    int count();

    /** The port name, e.g. {@code outB}. */
    String port(int motor);

    /** ev3dev {@code max_speed}: 1050 for the large motor, 1560 for the medium one. */
    int maxSpeedCountsPerSec(int motor);

    /** ev3dev {@code count_per_rot}: 360 for EV3 motors. */
    int countsPerRotation(int motor);

    /** Copies every motor's position, speed and state flags into {@code into}. */
    void read(MotorState into);

    void runForever(int motor, int speedCountsPerSec);

    void runToRelPos(int motor, int deltaCounts, int speedCountsPerSec);

    void runTimed(int motor, int timeMs, int speedCountsPerSec);

    void stop(int motor, StopAction action);

    /**
     * The motor safety's expiry now, in ms: a body whose motors stop on their own when not
     * re-commanded (ev3dev's run-timed dead-man) follows it, so a slow machine's late ticks do not
     * stall them between commands. Called from the tick thread when it changes.
     */
    default void expiryMs(int ms) {}

    default void stopAll(StopAction action) {
        for (int i = 0; i < count(); i++) stop(i, action);
    }
}
