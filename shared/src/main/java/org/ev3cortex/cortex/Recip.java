package org.ev3cortex.cortex;

/**
 * 1/x for a positive normal float from a table of its mantissa's top 10 bits, with the exponent
 * negated in the bits: int operations and one lookup, where a float divide costs the brick's
 * soft-float about 125 instructions. Hand-written because it is the brick's arithmetic: the
 * relative error is at most 2^-11 (0.05 %), harmless in a learning rate's normaliser.
 */
final class Recip {
    private static final int BITS = 10;
    /** Bits of 1/m for the mantissas m in [1, 2) that share these top bits (their midpoint). */
    private static final int[] TABLE = new int[1 << BITS];

    static {
        for (int k = 0; k < TABLE.length; k++) {
            TABLE[k] = Float.floatToRawIntBits((float) (1 / (1 + (k + 0.5) / TABLE.length)));
        }
    }

    private Recip() {}

    /** 1/x for 2^-100 < x < 2^100. */
    static float of(float x) {
        int bits = Float.floatToRawIntBits(x);
        int exponent = ((bits >>> 23) & 0xff) - 127;
        return Float.intBitsToFloat(TABLE[(bits >>> (23 - BITS)) & ((1 << BITS) - 1)] - (exponent << 23));
    }
}
