package org.ev3cortex.a1;

/**
 * log2 of a positive float from its exponent and a table of its mantissa's top 10 bits: int
 * operations and one lookup, where {@code Math.log10} costs the brick's soft-float about 700
 * instructions. Hand-written because it is the brick's arithmetic, not a library's: the error is
 * at most log2(1 + 2^-11), 0.0007, which is 0.002 dB, far below A1's 90 dB range's resolution.
 */
final class Log2 {
    private static final int BITS = 10;
    private static final float[] MANTISSA = new float[1 << BITS];

    static {
        for (int m = 0; m < MANTISSA.length; m++) {
            // The midpoint of the mantissas that share these top bits halves the worst error.
            MANTISSA[m] = (float) (Math.log1p((m + 0.5) / MANTISSA.length) / Math.log(2));
        }
    }

    private Log2() {}

    /** log2(x) for a normal positive float x (not zero, subnormal, infinite or NaN). */
    static float of(float x) {
        int bits = Float.floatToRawIntBits(x);
        int exponent = ((bits >>> 23) & 0xff) - 127;
        return exponent + MANTISSA[(bits >>> (23 - BITS)) & ((1 << BITS) - 1)];
    }
}
