package org.ev3cortex.agent;

import org.ev3cortex.seam.OpCount;

/** A1's model of JTransforms' real FFT, reached through A1's package-private method. */
final class FftCount {
    private FftCount() {}

    static void of(int n, OpCount c) {
        try {
            java.lang.reflect.Method m = org.ev3cortex.a1.A1.class.getDeclaredMethod("countRealFft", long.class, OpCount.class);
            m.setAccessible(true);
            m.invoke(null, (long) n, c);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
