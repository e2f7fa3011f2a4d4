package org.ev3cortex.v1;

import org.ev3cortex.body.PixelFormat;

/**
 * Camera frames to float planes, row-major, one value per pixel. Luma is BT.601 (the weights of
 * OpenCV's {@code RGB2GRAY} and of the Y in the webcams' YUYV) scaled to [0, 1]. The opponent
 * planes are {@code R-G} and {@code B-(R+G)/2}, each in [-1, 1].
 */
public final class Planes {
    private Planes() {}

    private static final float INV255 = 1f / 255f;

    /** What {@link #luma} performs on {@code n} pixels. */
    static void countLuma(PixelFormat format, long n, org.ev3cortex.seam.OpCount c) {
        switch (format) {
            case RGB24:
                c.fconv += 3 * n; c.fmul += 4 * n; c.fadd += 2 * n; c.iop += 9 * n; c.bytes += 7 * n;
                break;
            case YUYV:
                c.fconv += n; c.fmul += n; c.iop += 3 * n; c.bytes += 5 * n;
                break;
            default:
                c.fconv += n; c.fmul += n; c.iop += 2 * n; c.bytes += 5 * n;
                break;
        }
    }

    /** What {@link #opponent} performs on {@code n} pixels (YUYV's clamps: both compares, at most). */
    static void countOpponent(PixelFormat format, long n, org.ev3cortex.seam.OpCount c) {
        switch (format) {
            case RGB24:
                c.fconv += 3 * n; c.fmul += 4 * n; c.fadd += 3 * n; c.iop += 9 * n; c.bytes += 11 * n;
                break;
            case YUYV:
                c.fconv += 3 * n; c.fmul += 9 * n; c.fadd += 7 * n; c.fcmp += 6 * n; c.iop += 12 * n; c.bytes += 11 * n;
                break;
            default:
                c.bytes += 8 * n;
                break;
        }
    }

    /** Fills {@code luma} (length w*h) from a frame in {@code format}. */
    public static void luma(byte[] frame, PixelFormat format, int w, int h, float[] luma) {
        int n = w * h;
        switch (format) {
            case GRAY8:
                for (int i = 0; i < n; i++) luma[i] = (frame[i] & 0xff) * INV255;
                break;
            case YUYV:
                for (int i = 0; i < n; i++) luma[i] = (frame[2 * i] & 0xff) * INV255;
                break;
            case RGB24:
                for (int i = 0, j = 0; i < n; i++, j += 3) {
                    luma[i] = (0.299f * (frame[j] & 0xff) + 0.587f * (frame[j + 1] & 0xff)
                            + 0.114f * (frame[j + 2] & 0xff)) * INV255;
                }
                break;
            default:
                throw new IllegalArgumentException("unsupported format " + format);
        }
    }

    /**
     * Fills the opponent planes. GRAY8 has no colour: both are 0. YUYV is converted to RGB with
     * the BT.601 limited-range equations first (U and V are shared by each pixel pair).
     */
    public static void opponent(byte[] frame, PixelFormat format, int w, int h, float[] redGreen, float[] blueYellow) {
        int n = w * h;
        switch (format) {
            case GRAY8:
                java.util.Arrays.fill(redGreen, 0, n, 0f);
                java.util.Arrays.fill(blueYellow, 0, n, 0f);
                break;
            case RGB24:
                for (int i = 0, j = 0; i < n; i++, j += 3) {
                    float r = (frame[j] & 0xff) * INV255;
                    float g = (frame[j + 1] & 0xff) * INV255;
                    float b = (frame[j + 2] & 0xff) * INV255;
                    redGreen[i] = r - g;
                    blueYellow[i] = b - 0.5f * (r + g);
                }
                break;
            case YUYV:
                for (int i = 0; i < n; i++) {
                    int pair = (i & ~1) * 2; // Y0 U Y1 V
                    float y = 1.164f * ((frame[2 * i] & 0xff) - 16);
                    float u = (frame[pair + 1] & 0xff) - 128;
                    float v = (frame[pair + 3] & 0xff) - 128;
                    float r = clamp01((y + 1.596f * v) * INV255);
                    float g = clamp01((y - 0.392f * u - 0.813f * v) * INV255);
                    float b = clamp01((y + 2.017f * u) * INV255);
                    redGreen[i] = r - g;
                    blueYellow[i] = b - 0.5f * (r + g);
                }
                break;
            default:
                throw new IllegalArgumentException("unsupported format " + format);
        }
    }

    private static float clamp01(float v) {
        return v < 0 ? 0 : v > 1 ? 1 : v;
    }
}
