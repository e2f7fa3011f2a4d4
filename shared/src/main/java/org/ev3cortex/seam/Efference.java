package org.ev3cortex.seam;

/**
 * The efference copy: a read-only view of the commands the write phase actually issued at the end
 * of the previous tick (safety stops included, speeds after the one clamp).
 */
public interface Efference {
    int count();

    /** The mode last issued to the motor, one of {@link MotorCommands}' constants; NONE before any. */
    int issuedMode(int motor);

    /** The speed last issued to the motor in counts/s, 0 after a stop. */
    int issuedSpeed(int motor);

    /** The tick at which the last command was issued, -1 before any. */
    long issuedTick(int motor);
}
