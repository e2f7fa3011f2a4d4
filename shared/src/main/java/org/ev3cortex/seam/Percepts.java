package org.ev3cortex.seam;

/**
 * The few summaries the motor side steers by, each filled by the stage that computes it and read
 * by the basal ganglia. One writer per group, named on its setter; the loop thread only.
 * <ul>
 *   <li>A1: sound level per ear (full-scale RMS of this tick's window), and its band powers;</li>
 *   <li>V1: mean luma per visual hemifield (0..1), and the bright spots' mass and bearing;</li>
 *   <li>the cortex: surprise per sheet area;</li>
 *   <li>S1's forward model of the wheels: a stall, the bumper;</li>
 *   <li>the loop: how many times the watchdog has tripped.</li>
 * </ul>
 */
public final class Percepts {
    private double soundLeft;
    private double soundRight;
    private static final float[] NO_BANDS = new float[0];
    private float[] bandPowerLeft = NO_BANDS;
    private float[] bandPowerRight = NO_BANDS;
    private float[] bandEdgesHz = NO_BANDS;
    private long bandWindows;
    private double lumaLeft;
    private double lumaRight;
    private double lightMass;
    private double lightBearing;
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

    /**
     * Written by A1 for each new window: its linear band powers per ear (A1's own arrays, read-only
     * for everyone else), and the band edges, {@code bands + 1} frequencies: band b covers
     * {@code [edgesHz[b], edgesHz[b + 1])}.
     */
    public void bands(float[] leftPower, float[] rightPower, float[] edgesHz) {
        bandPowerLeft = leftPower;
        bandPowerRight = rightPower;
        bandEdgesHz = edgesHz;
        bandWindows++;
    }

    /** Linear power of each band at the left ear (a sine of amplitude A inside a band gives A^2); empty without a microphone. */
    public float[] bandPowerLeft() { return bandPowerLeft; }
    public float[] bandPowerRight() { return bandPowerRight; }
    /** The band edges in Hz, one more than the bands. */
    public float[] bandEdgesHz() { return bandEdgesHz; }
    /** How many windows A1 has analysed: a new value means new band powers. */
    public long bandWindows() { return bandWindows; }

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

    /**
     * Written by V1: the small bright spots in view (lamps), as their mass (the summed excess of
     * their pixels over the surround, per pixel of the frame, in full-scale luma) and the mass's
     * bearing, -1 (the right edge of the frame) to +1 (the left edge); 0 and 0 when none.
     */
    public void light(double mass, double bearing) {
        lightMass = mass;
        lightBearing = bearing;
    }

    public double lightMass() { return lightMass; }
    /** +1 is the left edge of the frame, -1 the right; 0 straight ahead (or no light). */
    public double lightBearing() { return lightBearing; }

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
