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

    /** Parses an ev3dev {@code state} attribute ("running stalled") into bits, without allocating. */
    public static int parseFlags(CharSequence s) {
        int bits = 0;
        int n = s.length();
        int i = 0;
        while (i < n) {
            while (i < n && Character.isWhitespace(s.charAt(i))) i++;
            int start = i;
            while (i < n && !Character.isWhitespace(s.charAt(i))) i++;
            int len = i - start;
            if (len > 0) bits |= flagOf(s, start, len);
        }
        return bits;
    }

    private static int flagOf(CharSequence s, int start, int len) {
        if (matches(s, start, len, "running")) return RUNNING;
        if (matches(s, start, len, "ramping")) return RAMPING;
        if (matches(s, start, len, "holding")) return HOLDING;
        if (matches(s, start, len, "overloaded")) return OVERLOADED;
        if (matches(s, start, len, "stalled")) return STALLED;
        return 0;
    }

    private static boolean matches(CharSequence s, int start, int len, String word) {
        if (len != word.length()) return false;
        for (int j = 0; j < len; j++) {
            if (s.charAt(start + j) != word.charAt(j)) return false;
        }
        return true;
    }
}
