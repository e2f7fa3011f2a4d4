package org.ev3cortex.v1;

/**
 * The receptive fields of one V1 area: each cell's centre-surround response at its own place in
 * the visual field, computed from the 8-bit luma with integer weights. The weights are built
 * once, when the config is applied, as the composition of the DoG with the cell's sampling, so
 * the tick does one integer multiply-add per tap and one float multiply per cell (the brick has
 * no FPU: see the brick budget).
 *
 * <p>Two kinds ({@code v1.receptiveField}):
 * <ul>
 *   <li>{@link #fixed}: the DoG of {@link Dog} (same taps, reflect-101 borders folded into the
 *       pixel indices) sampled bilinearly at the cell's place, as the old full-frame DoG followed
 *       by {@link PolarMap#remap} did. The weights apply to the luma bytes.</li>
 *   <li>{@link #eccentric}: the same DoG dilated by an integer factor m per ring that grows
 *       with the ring's spacing (centre sigma about half the distance between neighbouring
 *       cells), each of its (2r+1)^2 taps a box of m x m pixels, so a peripheral cell pools
 *       its whole neighbourhood (no aliasing) with a bounded number of taps. The weights apply
 *       to the summed-area table of the luma: a box is 4 corners, and neighbouring boxes
 *       share them, so a cell has at most about (2r+2)^2 taps whatever its size. Inside the
 *       fovea (m = 1) it is the fixed field.</li>
 * </ul>
 * Per cell the integer weights sum to exactly 0, so a flat image gives exactly 0. Each cell
 * has its own scale (a power of two chosen so the int sum cannot overflow).
 */
public final class ReceptiveFields {
    private final boolean integral;
    private final int cells;
    private final int[] start;   // cells + 1: the taps of cell c are start[c] .. start[c + 1] - 1
    private final int[] offset;  // into the luma bytes (times the pixel stride) or the summed-area table
    private final int[] weight;
    private final float[] scale; // per cell: 1 / (255 * the weights' scale)
    private final int[] dilation; // per cell: m (1 for the fixed kind)
    // For a horizontal shift of the fields (the corollary discharge, see Corollary): per cell the
    // leftmost and rightmost column its taps read, the last valid column, and how far one pixel
    // to the right moves a tap's offset.
    private final int[] minColumn;
    private final int[] maxColumn;
    private final int lastColumn;
    private final int columnStep;
    private int movedCells = -1; // of the last applyShifted, for its count; -1: none yet
    private int movedTaps;

    private ReceptiveFields(boolean integral, int cells, int[] start, int[] offset, int[] weight, float[] scale, int[] dilation,
                            int width, int stride) {
        this.integral = integral;
        this.cells = cells;
        this.start = start;
        this.offset = offset;
        this.weight = weight;
        this.scale = scale;
        this.dilation = dilation;
        // Offsets index the summed-area table ((width + 1) columns, 0..width) or the luma bytes
        // (width pixels, stride bytes apart).
        int rowLength = integral ? width + 1 : width * stride;
        columnStep = integral ? 1 : stride;
        lastColumn = integral ? width : width - 1;
        minColumn = new int[cells];
        maxColumn = new int[cells];
        for (int c = 0; c < cells; c++) {
            int lo = Integer.MAX_VALUE;
            int hi = Integer.MIN_VALUE;
            for (int j = start[c]; j < start[c + 1]; j++) {
                int col = (offset[j] % rowLength) / columnStep;
                lo = Math.min(lo, col);
                hi = Math.max(hi, col);
            }
            minColumn[c] = lo == Integer.MAX_VALUE ? 0 : lo;
            maxColumn[c] = hi == Integer.MIN_VALUE ? 0 : hi;
        }
    }

    /** The DoG of {@code (sc, ss, r)} sampled bilinearly at each cell of {@code map}; taps index luma bytes {@code stride} apart. */
    public static ReceptiveFields fixed(PolarMap map, double centerSigmaPx, double surroundSigmaPx, int radiusPx, int stride) {
        int[] ones = new int[map.size()];
        java.util.Arrays.fill(ones, 1);
        return build(map, centerSigmaPx, surroundSigmaPx, radiusPx, stride, ones, false);
    }

    /**
     * Fields that widen with eccentricity: the cells of ring k use the DoG dilated by
     * {@link #dilationOfRing}, over the summed-area table of a {@code w x h} luma plane
     * ({@code (w + 1) x (h + 1)} ints, see {@link #integrate}).
     */
    public static ReceptiveFields eccentric(PolarMap map, double centerSigmaPx, double surroundSigmaPx, int radiusPx,
                                            double foveaPx, double maxRadiusPx, boolean log) {
        int rings = map.cols();
        int sectors = map.rows();
        double maxR = maxRadiusPx > 0 ? maxRadiusPx : PolarMap.defaultMaxRadius(map.sourceWidth(), map.sourceHeight());
        int[] m = new int[map.size()];
        for (int k = 0; k < rings; k++) {
            int mk = dilationOfRing(k, rings, sectors, foveaPx, maxR, log, centerSigmaPx);
            for (int s = 0; s < sectors; s++) m[s * rings + k] = mk;
        }
        return build(map, centerSigmaPx, surroundSigmaPx, radiusPx, 1, m, true);
    }

    /**
     * The dilation of ring k: the cells' spacing there (the geometric mean of the radial step
     * and the arc between sectors) over twice the centre sigma, rounded, at least 1. A DoG whose
     * centre sigma is half the spacing passes little above the cells' Nyquist frequency.
     */
    public static int dilationOfRing(int k, int rings, int sectors, double foveaPx, double maxR, boolean log, double centerSigmaPx) {
        double radial = PolarMap.hemifieldRadius(k + 1, rings, foveaPx, maxR, log) - PolarMap.hemifieldRadius(k, rings, foveaPx, maxR, log);
        double arc = PolarMap.hemifieldRadius(k + 0.5, rings, foveaPx, maxR, log) * Math.PI / sectors;
        double spacing = Math.sqrt(radial * arc);
        return (int) Math.max(1, Math.round(spacing / (2 * centerSigmaPx)));
    }

    private static ReceptiveFields build(PolarMap map, double sc, double ss, int r, int stride, int[] m, boolean integral) {
        int w = map.sourceWidth();
        int h = map.sourceHeight();
        int n = map.size();
        float[] gc = Dog.halfKernel(sc, r);
        float[] gs = Dog.halfKernel(ss, r);
        int side = 2 * r + 1;
        double[] k2 = new double[side * side]; // the 2-D DoG, [dy + r][dx + r]
        for (int dy = -r; dy <= r; dy++) {
            for (int dx = -r; dx <= r; dx++) {
                k2[(dy + r) * side + dx + r] = (double) gc[Math.abs(dx)] * gc[Math.abs(dy)] - (double) gs[Math.abs(dx)] * gs[Math.abs(dy)];
            }
        }
        double sumAbsK = 0;
        for (double v : k2) sumAbsK += Math.abs(v);
        // Sparse accumulators over the pixels and over the corners of the summed-area table,
        // each cleared in O(touched) between cells.
        double[] pv = new double[w * h];
        int[] pq = new int[w * h];
        int[] pt = new int[w * h];
        int[] cv = new int[(w + 1) * (h + 1)];
        int maxM = 1;
        for (int v : m) maxM = Math.max(maxM, v);
        int maxRuns = maxM / Math.max(1, Math.min(w, h) - 1) + 3;
        int[] ct = new int[4 * side * side * Math.max(4, maxRuns * maxRuns)];
        int[] offs = new int[1024];
        int[] wts = new int[1024];
        int size = 0;
        int[] start = new int[n + 1];
        float[] scale = new float[n];
        int[] boxQ = new int[side * side];
        int[] xs0 = new int[maxRuns], xs1 = new int[maxRuns], ys0 = new int[maxRuns], ys1 = new int[maxRuns];
        for (int c = 0; c < n; c++) {
            start[c] = size;
            int mc = m[c];
            int pn = 0; // touched pixels
            int cn = 0; // touched corners
            if (mc == 1) {
                // The bilinear taps of the cell, each convolved with the DoG, borders reflected.
                for (int b = 0; b < 4; b++) {
                    float bw = map.bilinearWeight(c, b);
                    if (bw == 0) continue;
                    int p = map.bilinearBase(c) + (b == 1 || b == 3 ? 1 : 0) + (b >= 2 ? w : 0);
                    int px = p % w;
                    int py = p / w;
                    for (int dy = -r; dy <= r; dy++) {
                        int row = Dog.reflect(py + dy, h) * w;
                        for (int dx = -r; dx <= r; dx++) {
                            int i = row + Dog.reflect(px + dx, w);
                            if (pv[i] == 0 && pq[i] == 0) { pt[pn++] = i; pq[i] = 1; } // pq marks touched until quantised
                            pv[i] += bw * k2[(dy + r) * side + dx + r];
                        }
                    }
                }
                double sumAbs = 0;
                for (int t = 0; t < pn; t++) sumAbs += Math.abs(pv[pt[t]]);
                if (sumAbs > 0) {
                    double q = weightScale(sumAbs);
                    scale[c] = (float) (1.0 / (255.0 * q));
                    long sum = 0;
                    int big = pt[0];
                    for (int t = 0; t < pn; t++) {
                        int i = pt[t];
                        pq[i] = (int) Math.round(pv[i] * q);
                        sum += pq[i];
                        if (Math.abs(pq[i]) > Math.abs(pq[big])) big = i;
                    }
                    pq[big] -= (int) sum; // the DoG sums to 0: so must the ints, or a flat image is not 0
                    for (int t = 0; t < pn; t++) {
                        int i = pt[t];
                        int qi = pq[i];
                        if (qi == 0) continue;
                        if (!integral) {
                            if (size == offs.length) { offs = java.util.Arrays.copyOf(offs, 2 * size); wts = java.util.Arrays.copyOf(wts, 2 * size); }
                            offs[size] = stride * i;
                            wts[size++] = qi;
                        } else {
                            int x = i % w, y = i / w;
                            cn = addBox(cv, ct, cn, w, x, x + 1, y, y + 1, qi);
                        }
                    }
                }
                for (int t = 0; t < pn; t++) { pv[pt[t]] = 0; pq[pt[t]] = 0; }
            } else {
                // A grid of (2r+1)^2 boxes of m x m pixels centred on the cell's nearest pixel.
                double sx = map.sourceX(c / map.cols(), c % map.cols());
                double sy = map.sourceY(c / map.cols(), c % map.cols());
                if (!(sx < -0.5 || sx >= w - 0.5 || sy < -0.5 || sy >= h - 0.5)) {
                    int x0 = (int) Math.floor(sx - (mc - 1) / 2.0 + 0.5) - r * mc;
                    int y0 = (int) Math.floor(sy - (mc - 1) / 2.0 + 0.5) - r * mc;
                    double q = weightScale(sumAbsK);
                    scale[c] = (float) (1.0 / (255.0 * q));
                    double perPixel = q / ((double) mc * mc);
                    int sum = 0, big = 0;
                    for (int j = 0; j < boxQ.length; j++) {
                        boxQ[j] = (int) Math.round(k2[j] * perPixel);
                        sum += boxQ[j];
                        if (Math.abs(boxQ[j]) > Math.abs(boxQ[big])) big = j;
                    }
                    boxQ[big] -= sum; // every box has m^2 pixels: box weights summing to 0 make pixel weights that do
                    for (int by = 0; by < side; by++) {
                        int ny = reflectedRuns(y0 + by * mc, mc, h, ys0, ys1);
                        for (int bx = 0; bx < side; bx++) {
                            int wq = boxQ[by * side + bx];
                            if (wq == 0) continue;
                            int nx = reflectedRuns(x0 + bx * mc, mc, w, xs0, xs1);
                            for (int i = 0; i < ny; i++) {
                                for (int j = 0; j < nx; j++) cn = addBox(cv, ct, cn, w, xs0[j], xs1[j], ys0[i], ys1[i], wq);
                            }
                        }
                    }
                }
            }
            for (int t = 0; t < cn; t++) {
                int i = ct[t];
                if (cv[i] != 0) {
                    if (size == offs.length) { offs = java.util.Arrays.copyOf(offs, 2 * size); wts = java.util.Arrays.copyOf(wts, 2 * size); }
                    offs[size] = i;
                    wts[size++] = cv[i];
                }
                cv[i] = 0;
            }
        }
        start[n] = size;
        return new ReceptiveFields(integral, n, start, java.util.Arrays.copyOf(offs, size), java.util.Arrays.copyOf(wts, size), scale, m,
                w, integral ? 1 : stride);
    }

    /** The largest power of two q with {@code sumAbs * q * 255 <= 2^30}: the int sum cannot overflow. */
    private static double weightScale(double sumAbs) {
        return Math.pow(2, Math.floor(Math.log(Math.pow(2, 30) / (255 * sumAbs)) / Math.log(2)));
    }

    /**
     * Box {@code [x0, x1) x [y0, y1)} of per-pixel weight q as four corners of the summed-area
     * table, accumulated in {@code cv}; new corners are listed in {@code ct}. Returns the count.
     */
    private static int addBox(int[] cv, int[] ct, int cn, int w, int x0, int x1, int y0, int y1, int q) {
        int sw = w + 1;
        cn = addCorner(cv, ct, cn, y1 * sw + x1, q);
        cn = addCorner(cv, ct, cn, y0 * sw + x1, -q);
        cn = addCorner(cv, ct, cn, y1 * sw + x0, -q);
        return addCorner(cv, ct, cn, y0 * sw + x0, q);
    }

    private static int addCorner(int[] cv, int[] ct, int cn, int i, int q) {
        if (cv[i] == 0) ct[cn++] = i; // a corner back at 0 may be listed twice: emitting clears it
        cv[i] += q;
        return cn;
    }

    /**
     * The pixels {@code a .. a + len - 1} reflected (reflect-101, repeated for any distance) into
     * {@code [0, n)}, as runs {@code [lo[i], hi[i])}; a pixel reached twice is in two runs.
     */
    static int reflectedRuns(int a, int len, int n, int[] lo, int[] hi) {
        int runs = 0;
        int last = 0;
        int dir = 0;
        for (int i = a; i < a + len; i++) {
            int v = reflectAny(i, n);
            if (runs > 0 && (dir == 0 ? Math.abs(v - last) == 1 : v - last == dir)) {
                dir = v - last;
                if (v < lo[runs - 1]) lo[runs - 1] = v;
                if (v + 1 > hi[runs - 1]) hi[runs - 1] = v + 1;
            } else {
                if (runs == lo.length) throw new IllegalStateException("too many reflected runs");
                lo[runs] = v;
                hi[runs] = v + 1;
                runs++;
                dir = 0;
            }
            last = v;
        }
        return runs;
    }

    /** Reflect-101 into [0, n) for any i. */
    static int reflectAny(int i, int n) {
        if (n == 1) return 0;
        int p = 2 * n - 2;
        int j = ((i % p) + p) % p;
        return j < n ? j : p - j;
    }

    /**
     * The summed-area table of a {@code w x h} luma plane read {@code stride} bytes apart:
     * {@code sat[y * (w + 1) + x]} is the sum of the pixels above and left of (x, y); row 0
     * and column 0 are 0. No allocation.
     */
    public static void integrate(byte[] luma, int stride, int w, int h, int[] sat) {
        int sw = w + 1;
        for (int y = 0; y < h; y++) {
            int sum = 0;
            int src = y * w * stride;
            int up = y * sw + 1;
            int dst = up + sw;
            for (int x = 0; x < w; x++) {
                sum += luma[src] & 0xff;
                sat[dst + x] = sat[up + x] + sum;
                src += stride;
            }
        }
    }

    /** What {@link #integrate} performs on a {@code w x h} plane. */
    static void countIntegrate(int w, int h, org.ev3cortex.seam.OpCount c) {
        long n = (long) w * h;
        c.iop += 7 * n + 8L * h;
        c.bytes += 9 * n;
    }

    /** {@code dst[off + cell]} = each cell's response to the luma bytes (fixed kind). No allocation. */
    public void apply(byte[] luma, float[] dst, int off) {
        final int[] st = start;
        final int[] o = offset;
        final int[] wt = weight;
        for (int c = 0; c < cells; c++) {
            int acc = 0;
            for (int j = st[c], e = st[c + 1]; j < e; j++) acc += wt[j] * (luma[o[j]] & 0xff);
            dst[off + c] = acc * scale[c];
        }
    }

    /** {@code dst[off + cell]} = each cell's response to the summed-area table (eccentric kind). No allocation. */
    public void apply(int[] sat, float[] dst, int off) {
        final int[] st = start;
        final int[] o = offset;
        final int[] wt = weight;
        for (int c = 0; c < cells; c++) {
            int acc = 0; // may wrap in between; the true sum fits, so the wrapped sum is exact
            for (int j = st[c], e = st[c + 1]; j < e; j++) acc += wt[j] * sat[o[j]];
            dst[off + c] = acc * scale[c];
        }
    }

    /**
     * The fields moved {@code shiftPx} pixels to the right over the same image: cell c reads what
     * the unshifted cell at its place would read {@code shiftPx} columns further right, i.e. its
     * response to the image moved {@code shiftPx} pixels left. A cell whose moved taps would leave
     * the image gets {@code unshifted[unshiftedOff + c]} instead. Applies to the summed-area table
     * (eccentric) or the luma bytes (fixed), as {@link #apply}. No allocation.
     *
     * @return the cells that had a moved response
     */
    public int applyShifted(int[] sat, byte[] luma, int shiftPx, float[] unshifted, int unshiftedOff, float[] dst, int off) {
        final int[] st = start;
        final int[] wt = weight;
        final int delta = shiftPx * columnStep;
        int moved = 0;
        int taps = 0;
        for (int c = 0; c < cells; c++) {
            if (minColumn[c] + shiftPx < 0 || maxColumn[c] + shiftPx > lastColumn) {
                dst[off + c] = unshifted[unshiftedOff + c];
                continue;
            }
            int from = st[c];
            int to = st[c + 1];
            int acc = integral ? sumSat(sat, from, to, delta) : sumLuma(luma, from, to, delta);
            dst[off + c] = acc * scale[c];
            moved++;
            taps += to - from;
        }
        movedCells = moved;
        movedTaps = taps;
        return moved;
    }

    // The two inner loops apart, each as tight as apply's, so the JIT keeps them so.
    private int sumSat(int[] sat, int from, int to, int delta) {
        final int[] o = offset;
        final int[] wt = weight;
        int acc = 0;
        for (int j = from; j < to; j++) acc += wt[j] * sat[o[j] + delta];
        return acc;
    }

    private int sumLuma(byte[] luma, int from, int to, int delta) {
        final int[] o = offset;
        final int[] wt = weight;
        int acc = 0;
        for (int j = from; j < to; j++) acc += wt[j] * (luma[o[j] + delta] & 0xff);
        return acc;
    }

    /**
     * What the last {@link #applyShifted} performed (the cells it moved, their taps; the others
     * are a copy), or before any, what moving every cell would.
     */
    public void countShifted(org.ev3cortex.seam.OpCount c) {
        long moved = movedCells < 0 ? cells : movedCells;
        long taps = movedCells < 0 ? taps() : movedTaps;
        c.fconv += moved;
        c.fmul += moved;
        c.iop += (integral ? 4 : 5) * taps + 10L * cells;
        c.bytes += (integral ? 12 : 9) * taps + 16L * cells + 8L * (cells - moved);
    }

    /** What one {@code apply} performs, from the tap counts: per tap a load of offset, weight and source, a multiply-add. */
    public void countOps(org.ev3cortex.seam.OpCount c) {
        long taps = taps();
        c.fconv += cells;
        c.fmul += cells;
        c.iop += (integral ? 3 : 4) * taps + 6L * cells;
        c.bytes += (integral ? 12 : 9) * taps + 16L * cells;
    }

    /** Whether the weights apply to the summed-area table (eccentric) or the luma bytes (fixed). */
    public boolean integral() { return integral; }
    public int cells() { return cells; }
    /** Taps of all cells together. */
    public int taps() { return start[cells]; }
    /** The taps of one cell. */
    public int taps(int cell) { return start[cell + 1] - start[cell]; }
    /** The most taps any cell has. */
    public int maxTaps() {
        int m = 0;
        for (int c = 0; c < cells; c++) m = Math.max(m, taps(c));
        return m;
    }
    /** The dilation m of a cell (1: the fixed DoG). */
    public int dilation(int cell) { return dilation[cell]; }
}
