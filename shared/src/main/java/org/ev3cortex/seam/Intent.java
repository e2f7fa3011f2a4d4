package org.ev3cortex.seam;

/**
 * What the basal ganglia want the wheels to do this tick, for M1 to encode: a speed per wheel in
 * counts/s, or a hold (the freeze reflex: motors braked). Written by the basal ganglia only.
 */
public final class Intent {
    private int leftCountsPerSec;
    private int rightCountsPerSec;
    private boolean hold;

    public void drive(int leftCountsPerSec, int rightCountsPerSec) {
        this.leftCountsPerSec = leftCountsPerSec;
        this.rightCountsPerSec = rightCountsPerSec;
        this.hold = false;
    }

    public void hold() {
        leftCountsPerSec = 0;
        rightCountsPerSec = 0;
        hold = true;
    }

    public int leftCountsPerSec() { return leftCountsPerSec; }
    public int rightCountsPerSec() { return rightCountsPerSec; }
    /** True when the motors are to be held stopped. */
    public boolean held() { return hold; }
}
