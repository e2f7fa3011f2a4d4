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
 * <p>Hand-written because it is our per-tick kernel on the brick: the two Gaussians share
 * each pass. The layout is for HotSpot's auto-vectoriser (JDK 17 C2), which only packs a loop
 * when every array in it is indexed by the same {@code x}: a load at {@code x - k} from one
 * float[] next to a store into another may alias, and the loop then stays scalar (2.5x
 * slower, measured). So the horizontal pass reads (2r+1) shifted copies of the padded row, and
 * the intermediate planes are arrays of rows.
 */
public final class Dog {
    private final int w;
    private final int h;
    private final int r;
    private final float[] gc; // half kernels: gc[0] is the centre tap, gc[k] the taps at +-k
    private final float[] gs;
    private final float[][] hc; // the two horizontal passes, one array per row
    private final float[][] hs;
    private final float[] pad;     // one input row with r reflected pixels each side
    private final float[][] shift; // shift[j][x] = pad[x + j]
    private final float[] acc;     // one output row

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
        this.hc = new float[h][w];
        this.hs = new float[h][w];
        this.pad = new float[w + 2 * r];
        this.shift = new float[2 * r + 1][w];
        this.acc = new float[w];
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

    /**
     * What {@link #apply} performs: per pixel, the horizontal pass takes 2 + 2r multiplies and 3r
     * adds (both Gaussians, symmetric taps paired), the vertical pass 2 + 2r multiplies and
     * 1 + 4r adds.
     */
    public void countOps(org.ev3cortex.seam.OpCount c) {
        long n = (long) w * h;
        c.fmul += n * (4 + 4L * r);
        c.fadd += n * (1 + 7L * r);
        c.iop += n * (2 + 2L * r) + (long) h * (8L * r + 4);
        // Loads and stores of the loops, plus the row copies (pad, 2r + 1 shifted rows, out).
        c.bytes += n * 4 * (4 + 10L * r) + n * 4 * (2 + 2 * (2L * r + 1));
    }

    /** {@code out = DoG(in)}; both w*h, row-major. No allocation. */
    public void apply(float[] in, float[] out) {
        for (int y = 0; y < h; y++) horizontal(in, y);
        for (int y = 0; y < h; y++) vertical(out, y);
    }

    private void horizontal(float[] in, int y) {
        int o = y * w;
        System.arraycopy(in, o, pad, r, w);
        for (int k = 1; k <= r; k++) { // reflect-101
            pad[r - k] = in[o + k];
            pad[r + w - 1 + k] = in[o + w - 1 - k];
        }
        for (int j = 0; j <= 2 * r; j++) System.arraycopy(pad, j, shift[j], 0, w);
        float[] c = hc[y];
        float[] s = hs[y];
        float[] mid = shift[r];
        float c0 = gc[0];
        float s0 = gs[0];
        for (int x = 0; x < w; x++) {
            float v = mid[x];
            c[x] = c0 * v;
            s[x] = s0 * v;
        }
        for (int k = 1; k <= r; k++) {
            float ck = gc[k];
            float sk = gs[k];
            float[] left = shift[r - k];
            float[] right = shift[r + k];
            for (int x = 0; x < w; x++) {
                float pair = left[x] + right[x];
                c[x] += ck * pair;
                s[x] += sk * pair;
            }
        }
    }

    private void vertical(float[] out, int y) {
        float[] c = hc[y];
        float[] s = hs[y];
        float c0 = gc[0];
        float s0 = gs[0];
        for (int x = 0; x < w; x++) acc[x] = c0 * c[x] - s0 * s[x];
        for (int k = 1; k <= r; k++) {
            int up = reflect(y - k, h);
            int down = reflect(y + k, h);
            float[] cu = hc[up];
            float[] cd = hc[down];
            float[] su = hs[up];
            float[] sd = hs[down];
            float ck = gc[k];
            float sk = gs[k];
            for (int x = 0; x < w; x++) acc[x] += ck * (cu[x] + cd[x]) - sk * (su[x] + sd[x]);
        }
        System.arraycopy(acc, 0, out, y * w, w);
    }

    /** Reflect-101 index into [0, n); valid for -n < i < 2n - 1. */
    static int reflect(int i, int n) {
        if (i < 0) return -i;
        if (i >= n) return 2 * n - 2 - i;
        return i;
    }
}
