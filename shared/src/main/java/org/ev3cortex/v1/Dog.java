package org.ev3cortex.v1;

/**
 * Difference of Gaussians, the LGN's centre-surround filter: {@code G(sc) * I - G(ss) * I}, each
 * Gaussian separable and sampled at integer offsets {@code -r..r}, then normalised to sum 1 (so
 * a flat image gives 0).
 *
 * <p>Edges reflect without repeating the border pixel ({@code ...2 1 | 0 1 2...}, OpenCV's
 * {@code BORDER_REFLECT_101}), so a flat image stays 0 up to the border and the benchmark
 * against {@code GaussianBlur} compares the same thing. The frame must be larger than r in both
 * directions.
 *
 * <p>Hand-written because it is our per-tick kernel on the brick: two Gaussians share each
 * pass, and the loops run along rows so the JIT vectorises them.
 */
public final class Dog {
    private final int w;
    private final int h;
    private final int r;
    private final float[] gc; // half kernels: gc[0] is the centre tap, gc[k] the taps at +-k
    private final float[] gs;
    private final float[] hc; // the two horizontal passes
    private final float[] hs;

    public Dog(int width, int height, double centerSigmaPx, double surroundSigmaPx, int radiusPx) {
        if (radiusPx < 1) throw new IllegalArgumentException("kernel radius must be >= 1, got " + radiusPx);
        if (width <= radiusPx || height <= radiusPx) {
            throw new IllegalArgumentException("image " + width + "x" + height
                    + " is smaller than the DoG kernel (radius " + radiusPx + " px needs more than " + radiusPx + " px each way)");
        }
        this.w = width;
        this.h = height;
        this.r = radiusPx;
        this.gc = halfKernel(centerSigmaPx, radiusPx);
        this.gs = halfKernel(surroundSigmaPx, radiusPx);
        this.hc = new float[w * h];
        this.hs = new float[w * h];
    }

    /** The normalised sampled Gaussian, taps 0..r (the kernel is symmetric). */
    public static float[] halfKernel(double sigma, int r) {
        double[] g = new double[r + 1];
        double sum = 0;
        for (int k = 0; k <= r; k++) {
            g[k] = Math.exp(-(double) k * k / (2 * sigma * sigma));
            sum += k == 0 ? g[k] : 2 * g[k];
        }
        float[] out = new float[r + 1];
        for (int k = 0; k <= r; k++) out[k] = (float) (g[k] / sum);
        return out;
    }

    public int width() { return w; }
    public int height() { return h; }
    public int radius() { return r; }

    /** {@code out = DoG(in)}; both w*h, row-major; they must not be the same array. No allocation. */
    public void apply(float[] in, float[] out) {
        for (int y = 0; y < h; y++) horizontal(in, y * w);
        for (int y = 0; y < h; y++) vertical(out, y);
    }

    private void horizontal(float[] in, int o) {
        float c0 = gc[0];
        float s0 = gs[0];
        int lo = r;
        int hi = w - r; // interior [lo, hi) needs no reflection
        for (int x = lo; x < hi; x++) {
            float v = in[o + x];
            hc[o + x] = c0 * v;
            hs[o + x] = s0 * v;
        }
        for (int k = 1; k <= r; k++) {
            float ck = gc[k];
            float sk = gs[k];
            for (int x = lo; x < hi; x++) {
                float pair = in[o + x - k] + in[o + x + k];
                hc[o + x] += ck * pair;
                hs[o + x] += sk * pair;
            }
        }
        for (int x = 0; x < Math.min(lo, w); x++) horizontalEdge(in, o, x);
        for (int x = Math.max(hi, lo); x < w; x++) horizontalEdge(in, o, x);
    }

    private void horizontalEdge(float[] in, int o, int x) {
        float c = gc[0] * in[o + x];
        float s = gs[0] * in[o + x];
        for (int k = 1; k <= r; k++) {
            float pair = in[o + reflect(x - k, w)] + in[o + reflect(x + k, w)];
            c += gc[k] * pair;
            s += gs[k] * pair;
        }
        hc[o + x] = c;
        hs[o + x] = s;
    }

    private void vertical(float[] out, int y) {
        int o = y * w;
        float c0 = gc[0];
        float s0 = gs[0];
        for (int x = 0; x < w; x++) out[o + x] = c0 * hc[o + x] - s0 * hs[o + x];
        for (int k = 1; k <= r; k++) {
            int up = reflect(y - k, h) * w;
            int down = reflect(y + k, h) * w;
            float ck = gc[k];
            float sk = gs[k];
            for (int x = 0; x < w; x++) {
                out[o + x] += ck * (hc[up + x] + hc[down + x]) - sk * (hs[up + x] + hs[down + x]);
            }
        }
    }

    /** Reflect-101 index into [0, n); valid for -n < i < 2n - 1. */
    static int reflect(int i, int n) {
        if (i < 0) return -i;
        if (i >= n) return 2 * n - 2 - i;
        return i;
    }
}
