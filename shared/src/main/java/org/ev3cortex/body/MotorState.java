package org.ev3cortex.body;

/**
 * Every motor's measured state in one tick, as structure-of-arrays. The caller allocates it once
 * for the body's motor count and {@link Motors#read} refills it each tick.
 */
public final class MotorState {
    /** ev3dev {@code state} flags, as bits. */
    public static final int RUNNING = 1;
    public static final int RAMPING = 1 << 1;
    public static final int HOLDING = 1 << 2;
    public static final int OVERLOADED = 1 << 3;
    public static final int STALLED = 1 << 4;

    public final int[] positionCounts;
    public final int[] speedCountsPerSec;
    public final int[] flags;

    public MotorState(int motors) {
        positionCounts = new int[motors];
        speedCountsPerSec = new int[motors];
        flags = new int[motors];
    }

    public int count() {
        return flags.length;
    }

    public boolean has(int motor, int flag) {
        return (flags[motor] & flag) != 0;
    }

    /**
     * The flag of one word of ev3dev's {@code state} attribute ({@code running ramping holding
     * overloaded stalled}), given as ASCII bytes; 0 for a word ev3dev does not use. The one
     * parser of the vocabulary: the sysfs reader tokenises, this names. No allocation.
     */
    public static int flagOf(byte[] ascii, int start, int len) {
        if (matches(ascii, start, len, "running")) return RUNNING;
        if (matches(ascii, start, len, "ramping")) return RAMPING;
        if (matches(ascii, start, len, "holding")) return HOLDING;
        if (matches(ascii, start, len, "overloaded")) return OVERLOADED;
        if (matches(ascii, start, len, "stalled")) return STALLED;
        return 0;
    }

    private static boolean matches(byte[] s, int start, int len, String word) {
        if (len != word.length()) return false;
        for (int j = 0; j < len; j++) {
            if (s[start + j] != word.charAt(j)) return false;
        }
        return true;
    }
}
