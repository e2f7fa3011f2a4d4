package org.ev3cortex.histogram;

/**
 * Histograms with n-bit bins: the value range is cut into {@code 2^bits} equal bins, as an
 * n-bit quantiser would (8 bits: 256 levels, 4 bits: 16). Counts go into a caller-owned array.
 */
public final class Histogram {
    private Histogram() {}

    /** Bins for {@code bits}. */
    public static int bins(int bits) {
        if (bits < 1 || bits > 16) throw new IllegalArgumentException("bits must be in 1..16, got " + bits);
        return 1 << bits;
    }

    /**
     * Counts {@code values} into {@code counts} (length {@code 2^bits}, cleared first): bin
     * {@code floor((v - min) / (max - min) * 2^bits)}, with {@code v == max} in the top bin; values
     * outside [min, max] and NaN are not counted. Returns how many were counted.
     */
    public static long count(float[] values, int offset, int length, double min, double max, int bits, long[] counts) {
        int bins = bins(bits);
        if (counts.length != bins) throw new IllegalArgumentException("counts must have " + bins + " entries, has " + counts.length);
        if (!(max > min)) throw new IllegalArgumentException("need min < max, got " + min + ".." + max);
        java.util.Arrays.fill(counts, 0);
        double scale = bins / (max - min);
        long counted = 0;
        for (int i = offset; i < offset + length; i++) {
            double v = values[i];
            if (!(v >= min && v <= max)) continue;
            int b = (int) ((v - min) * scale);
            counts[b < bins ? b : bins - 1]++;
            counted++;
        }
        return counted;
    }

    /** 8-bit data (pixels) into n-bit bins: the top {@code bits} bits of each byte. */
    public static void countBytes(byte[] values, int offset, int length, int stride, int bits, long[] counts) {
        int bins = bins(bits);
        if (bits > 8) throw new IllegalArgumentException("bytes have 8 bits, asked for " + bits);
        if (counts.length != bins) throw new IllegalArgumentException("counts must have " + bins + " entries, has " + counts.length);
        java.util.Arrays.fill(counts, 0);
        int shift = 8 - bits;
        for (int i = offset; i < offset + length; i += stride) counts[(values[i] & 0xff) >>> shift]++;
    }

    /** int16 data (audio) into n-bit bins: the top {@code bits} bits of each sample, offset to unsigned. */
    public static void countShorts(short[] values, int offset, int length, int bits, long[] counts) {
        int bins = bins(bits);
        if (counts.length != bins) throw new IllegalArgumentException("counts must have " + bins + " entries, has " + counts.length);
        java.util.Arrays.fill(counts, 0);
        int shift = 16 - bits;
        for (int i = offset; i < offset + length; i++) counts[(values[i] + 32768) >>> shift]++;
    }
}
