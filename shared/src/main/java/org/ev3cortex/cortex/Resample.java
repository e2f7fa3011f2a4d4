package org.ev3cortex.cortex;

/**
 * Resamples a row-major array to an area's size. Hand-written: it runs per tick on the brick and
 * must not allocate; each destination cell averages s×s bilinear taps over its footprint, with s
 * the shrink factor rounded up, which is exact box averaging for whole factors and plain
 * bilinear when enlarging.
 */
final class Resample {
    private Resample() {}

    /** What {@link #into} performs for these sizes. */
    static void countOps(int sw, int sh, int dw, int dh, org.ev3cortex.seam.OpCount c) {
        if (sw == dw && sh == dh) {
            c.bytes += 8L * dw * dh;
            return;
        }
        float fx = (float) sw / dw;
        float fy = (float) sh / dh;
        int s = (int) Math.ceil(Math.max(Math.max(fx, fy), 1f) - 1e-6f);
        long cells = (long) dw * dh;
        long samples = cells * s * s;
        c.fconv += 6 + 3 * cells * s + 3 * samples + 6 * samples;
        c.fdiv += 3 + cells * s + samples;
        c.fadd += 2 + 3 * cells * s + 3 * samples + samples + 8 * samples;
        c.fmul += 1 + cells * s + samples + 3 * samples + cells;
        c.fcmp += 4 + 4 * samples;
        c.fmath += 1;
        c.iop += 6 * cells + 30 * samples;
        c.bytes += 4 * cells + 24 * samples;
    }

    static void into(float[] src, int sw, int sh, float[] dst, int dOff, int dw, int dh) {
        if (sw < 1 || sh < 1 || src.length < sw * sh) {
            throw new IllegalArgumentException("input of " + src.length + " values is not " + sw + "x" + sh);
        }
        if (sw == dw && sh == dh) {
            System.arraycopy(src, 0, dst, dOff, dw * dh);
            return;
        }
        float fx = (float) sw / dw;
        float fy = (float) sh / dh;
        int s = (int) Math.ceil(Math.max(Math.max(fx, fy), 1f) - 1e-6f);
        float inv = 1f / (s * s);
        for (int dy = 0; dy < dh; dy++) {
            for (int dx = 0; dx < dw; dx++) {
                float sum = 0;
                for (int ty = 0; ty < s; ty++) {
                    float sy = (dy + (ty + 0.5f) / s) * fy - 0.5f;
                    for (int tx = 0; tx < s; tx++) {
                        float sx = (dx + (tx + 0.5f) / s) * fx - 0.5f;
                        sum += bilinear(src, sw, sh, sx, sy);
                    }
                }
                dst[dOff + dy * dw + dx] = sum * inv;
            }
        }
    }

    private static float bilinear(float[] src, int sw, int sh, float sx, float sy) {
        if (sx < 0) sx = 0;
        if (sy < 0) sy = 0;
        if (sx > sw - 1) sx = sw - 1;
        if (sy > sh - 1) sy = sh - 1;
        int x0 = (int) sx;
        int y0 = (int) sy;
        int x1 = x0 + 1 < sw ? x0 + 1 : x0;
        int y1 = y0 + 1 < sh ? y0 + 1 : y0;
        float ax = sx - x0;
        float ay = sy - y0;
        float top = src[y0 * sw + x0] + ax * (src[y0 * sw + x1] - src[y0 * sw + x0]);
        float bot = src[y1 * sw + x0] + ax * (src[y1 * sw + x1] - src[y1 * sw + x0]);
        return top + ay * (bot - top);
    }
}
