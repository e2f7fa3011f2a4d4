package org.ev3cortex.seam;

/**
 * The few summaries the motor side steers by, each filled by the stage that computes it and read
 * by the basal ganglia. One writer per group, named on its setter; the loop thread only.
 * <ul>
 *   <li>A1: sound level per ear (full-scale RMS of this tick's window);</li>
 *   <li>V1: mean luma per visual hemifield (0..1);</li>
 *   <li>the cortex: surprise per sheet area;</li>
 *   <li>S1's forward model of the wheels: a stall, the bumper;</li>
 *   <li>the loop: how many times the watchdog has tripped.</li>
 * </ul>
 */
public final class Percepts {
    private double soundLeft;
    private double soundRight;
    private double lumaLeft;
    private double lumaRight;
    private final float[] surprise = new float[Region.count()];
    private boolean stallDetected;
    private boolean bumperPressed;
    private long stallDetections;
    private long lastStallDetectionTick = -1;
    private long watchdogTrips;

    // --- A1 ---
    /** Written by A1. */
    public void sound(double leftRms, double rightRms) {
        soundLeft = leftRms;
        soundRight = rightRms;
    }

    /** Full-scale RMS of the newest audio window at the left ear; 0 without a microphone. */
    public double soundLeft() { return soundLeft; }
    public double soundRight() { return soundRight; }

    // --- V1 ---
    /** Written by V1: the left visual field is the left half of the frame. */
    public void luma(double leftField, double rightField) {
        lumaLeft = leftField;
        lumaRight = rightField;
    }

    /** Mean luma of the left visual field, 0..1; 0 before the first frame. */
    public double lumaLeft() { return lumaLeft; }
    public double lumaRight() { return lumaRight; }
    public double lumaMean() { return (lumaLeft + lumaRight) / 2; }

    // --- the cortex ---
    /** Written by the cortex stage. */
    public void surprise(Region area, float value) {
        surprise[area.ordinal()] = value;
    }

    /** Mean surprise of an area this tick; 0 when no sheet runs. */
    public float surprise(Region area) {
        return surprise[area.ordinal()];
    }

    // --- S1's forward model ---
    /** Written by S1's efference monitor: a stall this tick, the bumper. */
    public void contact(boolean stall, boolean bumper, long tick) {
        stallDetected = stall;
        bumperPressed = bumper;
        if (stall) {
            stallDetections++;
            lastStallDetectionTick = tick;
        }
    }

    /** True on the tick a stall (or collision) was detected. */
    public boolean stallDetected() { return stallDetected; }
    public boolean bumperPressed() { return bumperPressed; }
    public long stallDetections() { return stallDetections; }
    public long lastStallDetectionTick() { return lastStallDetectionTick; }

    // --- the loop ---
    /** Written by the loop before the stages run. */
    public void watchdogTrips(long trips) {
        watchdogTrips = trips;
    }

    public long watchdogTrips() { return watchdogTrips; }
}
