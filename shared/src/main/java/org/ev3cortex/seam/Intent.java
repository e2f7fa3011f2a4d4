package org.ev3cortex.seam;

/**
 * What the basal ganglia want the wheels to do this tick, for M1 to encode: a speed per wheel in
 * counts/s, or a hold (the freeze reflex: motors braked). Written by the basal ganglia only.
 */
public final class Intent {
    private int leftCountsPerSec;
    private int rightCountsPerSec;
    private boolean hold;
    private boolean contact;
    private boolean contactOnset;

    public void drive(int leftCountsPerSec, int rightCountsPerSec) {
        this.leftCountsPerSec = leftCountsPerSec;
        this.rightCountsPerSec = rightCountsPerSec;
        this.hold = false;
        this.contact = false;
        this.contactOnset = false;
    }

    /**
     * Marks this tick's drive as the contact reflex's (backing off, then turning away after a
     * stall or a bumper press); {@code onset} on the tick the contact started it. M1 learns from
     * these what the reflex does and when it is about to.
     */
    public void contactReflex(boolean onset) {
        this.contact = true;
        this.contactOnset = onset;
    }

    public void hold() {
        leftCountsPerSec = 0;
        rightCountsPerSec = 0;
        hold = true;
        contact = false;
        contactOnset = false;
    }

    public int leftCountsPerSec() { return leftCountsPerSec; }
    public int rightCountsPerSec() { return rightCountsPerSec; }
    /** True when the motors are to be held stopped. */
    public boolean held() { return hold; }
    /** True while the contact reflex drives (see {@link #contactReflex}). */
    public boolean contact() { return contact; }
    /** True on the tick a contact started the reflex. */
    public boolean contactOnset() { return contactOnset; }
}
