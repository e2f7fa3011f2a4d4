package org.ev3cortex.v1;

/**
 * A polar resampling of a float plane through lookup tables built once: the forward LUT
 * (output cell to source pixel, with bilinear weights) and the backward LUT (source pixel to
 * the ring and sector it falls in, for the grid overlay; built only when first asked for).
 *
 * <p>Output layout, as OpenCV's {@code warpPolar}: row-major {@code rows x cols}, a row per
 * angle step, a column per radius step. Two families:
 * <ul>
 *   <li>{@link #hemifield}: one V1 area. Centre {@code ((W-1)/2, (H-1)/2)} in pixel-centre
 *       coordinates (pixel i is centred at i). Row s samples the angle
 *       {@code theta = (s + 0.5) * pi / rows}, measured from straight up, through the
 *       horizontal meridian (pointing away from the centre, {@code theta = pi/2}), to straight
 *       down; column k samples the radius {@code r(k + 0.5)} of {@link #hemifieldRadius}.
 *       The left hemisphere sees the right half of the frame ({@code x = cx + r sin theta}),
 *       the right hemisphere the left half ({@code x = cx - r sin theta}); both use
 *       {@code y = cy - r cos theta} (y down), so the two areas are mirror images.
 *       A neighbour outside the frame counts as 0.</li>
 *   <li>{@link #openCv}: {@code warpPolar} semantics on the whole frame (see the factory).</li>
 * </ul>
 */
public final class PolarMap {
    private final int srcW;
    private final int srcH;
    private final int rows;
    private final int cols;
    private final int[] base;      // index of the top-left of the 2x2 neighbourhood, always in bounds
    private final float[] weights; // 4 per cell: (x0,y0) (x0+1,y0) (x0,y0+1) (x0+1,y0+1)
    private final float[] srcX;    // the exact source coordinate of each cell, for tests and docs
    private final float[] srcY;
    private final double[] radiusOfCol;
    private int[] ringOfPixel;   // backward LUT, built on first use (only the grid overlay needs it); -1 where the map does not reach
    private int[] sectorOfPixel;
    // What the backward LUT is built from.
    private boolean openCvKind;
    private double cx;
    private double cy;
    private double sign;
    private double foveaPx;
    private double maxR;
    private boolean log;

    /** Which hemisphere's map: each sees the opposite half of the frame. */
    public enum Hemisphere { LEFT, RIGHT }

    private PolarMap(int srcW, int srcH, int rows, int cols) {
        if (srcW < 2 || srcH < 2) throw new IllegalArgumentException("source must be at least 2x2, got " + srcW + "x" + srcH);
        if (rows < 1 || cols < 1) throw new IllegalArgumentException("map must be at least 1x1, got " + rows + "x" + cols);
        this.srcW = srcW;
        this.srcH = srcH;
        this.rows = rows;
        this.cols = cols;
        int n = rows * cols;
        base = new int[n];
        weights = new float[4 * n];
        srcX = new float[n];
        srcY = new float[n];
        radiusOfCol = new double[cols];
    }

    /**
     * The default outer radius of a hemifield map: from the frame centre to a corner, so the
     * whole frame is covered.
     */
    public static double defaultMaxRadius(int w, int h) {
        return Math.sqrt((double) w * w + (double) h * h) / 2; // not hypot: one class fewer before the first tick
    }

    /**
     * Radius sampled at (fractional) ring position {@code rho} in [0, rings]. Linear mode:
     * {@code r = rho * maxR / rings}. Log mode with fovea radius f &lt; maxR:
     * {@code r = rho * f / F} for {@code rho <= F} and {@code r = f * exp((rho - F) / F)} beyond,
     * with {@code F = rings / (1 + ln(maxR / f))}: continuous with a continuous slope at the
     * fovea's edge, and {@code r(rings) = maxR}. With f &gt;= maxR the map is linear.
     */
    public static double hemifieldRadius(double rho, int rings, double foveaPx, double maxR, boolean log) {
        if (!log || foveaPx >= maxR) return rho * maxR / rings;
        double f = foveaRings(rings, foveaPx, maxR);
        return rho <= f ? rho * foveaPx / f : foveaPx * Math.exp((rho - f) / f);
    }

    /** The inverse of {@link #hemifieldRadius}. */
    public static double hemifieldRho(double r, int rings, double foveaPx, double maxR, boolean log) {
        if (!log || foveaPx >= maxR) return r * rings / maxR;
        double f = foveaRings(rings, foveaPx, maxR);
        return r <= foveaPx ? r * f / foveaPx : f + f * Math.log(r / foveaPx);
    }

    /** How many rings (fractional) the linear fovea takes in log mode. */
    public static double foveaRings(int rings, double foveaPx, double maxR) {
        return rings / (1 + Math.log(maxR / foveaPx));
    }

    /** One V1 area's map of a {@code w x h} frame: {@code sectors} rows by {@code rings} columns. */
    public static PolarMap hemifield(int w, int h, Hemisphere side, int rings, int sectors,
                                     double foveaPx, double maxRadiusPx, boolean log) {
        PolarMap m = new PolarMap(w, h, sectors, rings);
        double maxR = maxRadiusPx > 0 ? maxRadiusPx : defaultMaxRadius(w, h);
        double cx = (w - 1) / 2.0;
        double cy = (h - 1) / 2.0;
        double sign = side == Hemisphere.LEFT ? 1 : -1;
        for (int k = 0; k < rings; k++) m.radiusOfCol[k] = hemifieldRadius(k + 0.5, rings, foveaPx, maxR, log);
        for (int s = 0; s < sectors; s++) {
            double theta = (s + 0.5) * Math.PI / sectors;
            double sin = Math.sin(theta);
            double cos = Math.cos(theta);
            for (int k = 0; k < rings; k++) {
                double r = m.radiusOfCol[k];
                m.setCell(s * rings + k, (float) (cx + sign * r * sin), (float) (cy - r * cos), false, false);
            }
        }
        m.cx = cx;
        m.cy = cy;
        m.sign = sign;
        m.foveaPx = foveaPx;
        m.maxR = maxR;
        m.log = log;
        return m;
    }

    /**
     * OpenCV {@code warpPolar(src, dst, Size(cols, rows), center, maxRadius, INTER_LINEAR [| WARP_POLAR_LOG])}
     * without {@code WARP_FILL_OUTLIERS}: row phi samples the angle {@code phi * 2pi / rows} from
     * the +x axis towards +y (clockwise on screen, y down); column rho samples the radius
     * {@code rho * maxR / cols}, or {@code exp(rho * ln(maxR) / cols) - 1} in log mode;
     * {@code x = cx + r cos, y = cy + r sin}, the centre in pixel coordinates. A cell whose
     * sample lies left of or above the frame, or beyond its last pixel, is 0 (OpenCV leaves it
     * untouched); on the last column or row the missing neighbour repeats the edge pixel.
     *
     * @param quantise round source coordinates to 1/32 px as {@code remap} does, to match OpenCV
     *                 within one grey level
     */
    public static PolarMap openCv(int w, int h, double cx, double cy, double maxRadius, int rows, int cols,
                                  boolean log, boolean quantise) {
        if (!(maxRadius > (log ? 1 : 0))) throw new IllegalArgumentException("max radius must be > " + (log ? 1 : 0) + ", got " + maxRadius);
        PolarMap m = new PolarMap(w, h, rows, cols);
        double kMag = log ? Math.log(maxRadius) / cols : maxRadius / cols;
        double kAngle = 2 * Math.PI / rows;
        float[] rhos = new float[cols]; // float like OpenCV's precomputed radii
        for (int c = 0; c < cols; c++) {
            rhos[c] = (float) (log ? Math.exp(c * kMag) - 1.0 : c * kMag);
            m.radiusOfCol[c] = rhos[c];
        }
        for (int p = 0; p < rows; p++) {
            double a = kAngle * p;
            double cos = Math.cos(a);
            double sin = Math.sin(a);
            for (int c = 0; c < cols; c++) {
                m.setCell(p * cols + c, (float) (rhos[c] * cos + cx), (float) (rhos[c] * sin + cy), quantise, true);
            }
        }
        m.openCvKind = true;
        m.cx = cx;
        m.cy = cy;
        m.maxR = maxRadius;
        m.log = log;
        return m;
    }

    private void setCell(int i, float sx, float sy, boolean quantise, boolean openCvBorder) {
        srcX[i] = sx;
        srcY[i] = sy;
        int x0;
        int y0;
        float fx;
        float fy;
        if (quantise) {
            // remap's fixed point: coordinates in 1/32 px, rounded half to even like cvRound.
            int qx = (int) Math.rint(sx * 32.0f);
            int qy = (int) Math.rint(sy * 32.0f);
            x0 = qx >> 5;
            y0 = qy >> 5;
            fx = (qx & 31) / 32f;
            fy = (qy & 31) / 32f;
        } else {
            x0 = (int) Math.floor(sx);
            y0 = (int) Math.floor(sy);
            fx = sx - x0;
            fy = sy - y0;
        }
        float w00 = (1 - fx) * (1 - fy);
        float w01 = fx * (1 - fy);
        float w10 = (1 - fx) * fy;
        float w11 = fx * fy;
        if (openCvBorder) {
            // What remap does (checked against OpenCV 4.11 through JavaCV): a cell whose top-left
            // neighbour is outside stays untouched (0 here); on the last column or row the
            // missing neighbour repeats the edge pixel.
            if (x0 < 0 || x0 > srcW - 1 || y0 < 0 || y0 > srcH - 1) {
                base[i] = 0;
                return; // weights stay 0
            }
            if (x0 == srcW - 1) { w00 += w01; w10 += w11; w01 = 0; w11 = 0; }
            if (y0 == srcH - 1) { w00 += w10; w01 += w11; w10 = 0; w11 = 0; }
        } else if (x0 < -1 || x0 > srcW - 1 || y0 < -1 || y0 > srcH - 1) {
            base[i] = 0;
            return; // wholly outside
        }
        // Partly outside: drop the outside neighbours, then shift the 2x2 window inside the frame
        // so all four reads stay in bounds (a shifted-in neighbour gets weight 0).
        if (x0 < 0) { w00 = w01; w10 = w11; w01 = 0; w11 = 0; x0 = 0; }
        else if (x0 == srcW - 1) { w01 = w00; w11 = w10; w00 = 0; w10 = 0; x0 = srcW - 2; }
        if (y0 < 0) { w00 = w10; w01 = w11; w10 = 0; w11 = 0; y0 = 0; }
        else if (y0 == srcH - 1) { w10 = w00; w11 = w01; w00 = 0; w01 = 0; y0 = srcH - 2; }
        base[i] = y0 * srcW + x0;
        weights[4 * i] = w00;
        weights[4 * i + 1] = w01;
        weights[4 * i + 2] = w10;
        weights[4 * i + 3] = w11;
    }

    /** {@code dst[off + cell] = bilinear(src at the cell's source)}; src is srcW x srcH. No allocation. */
    /** What {@link #remap} performs, {@code times} maps (one per channel). */
    public void countRemap(org.ev3cortex.seam.OpCount c, int times) {
        long cells = (long) rows * cols * times;
        c.fmul += 4 * cells;
        c.fadd += 3 * cells;
        c.iop += 12 * cells;
        c.bytes += 40 * cells;
    }

    public void remap(float[] src, float[] dst, int off) {
        final int w = srcW;
        final int[] b = base;
        final float[] wt = weights;
        int n = rows * cols;
        for (int i = 0; i < n; i++) {
            int p = b[i];
            int j = 4 * i;
            dst[off + i] = wt[j] * src[p] + wt[j + 1] * src[p + 1] + wt[j + 2] * src[p + w] + wt[j + 3] * src[p + w + 1];
        }
    }

    /** Builds the backward LUT on first use: a hypot, a log and an atan2 per pixel, seconds on the brick. */
    private void backward() {
        if (ringOfPixel != null) return;
        ringOfPixel = new int[srcW * srcH];
        sectorOfPixel = new int[srcW * srcH];
        if (openCvKind) {
            double kAngle = 2 * Math.PI / rows;
            double lnMax = Math.log(maxR);
            for (int y = 0; y < srcH; y++) {
                for (int x = 0; x < srcW; x++) {
                    double dx = x - cx;
                    double dy = y - cy;
                    double r = Math.hypot(dx, dy);
                    double rho = log ? Math.log(r + 1) * cols / lnMax : r * cols / maxR;
                    int col = (int) Math.round(rho);
                    double angle = Math.atan2(dy, dx);
                    if (angle < 0) angle += 2 * Math.PI;
                    int row = (int) Math.round(angle / kAngle) % rows;
                    int i = y * srcW + x;
                    boolean in = col < cols;
                    ringOfPixel[i] = in ? col : -1;
                    sectorOfPixel[i] = in ? row : -1;
                }
            }
        } else {
            int sectors = rows;
            int rings = cols;
            for (int y = 0; y < srcH; y++) {
                for (int x = 0; x < srcW; x++) {
                    double dx = sign * (x - cx);
                    double dy = y - cy;
                    int i = y * srcW + x;
                    if (dx < 0 || (dx == 0 && sign < 0)) { // the midline column belongs to the left hemisphere
                        ringOfPixel[i] = -1;
                        sectorOfPixel[i] = -1;
                        continue;
                    }
                    int ring = (int) Math.floor(hemifieldRho(Math.hypot(dx, dy), rings, foveaPx, maxR, log));
                    int sector = (int) Math.floor(Math.atan2(dx, -dy) * sectors / Math.PI);
                    boolean in = ring < rings;
                    ringOfPixel[i] = in ? ring : -1;
                    sectorOfPixel[i] = in ? Math.min(sector, sectors - 1) : -1;
                }
            }
        }
    }

    /**
     * Marks the grid lines in {@code mask} (srcW x srcH): 1 where a pixel's ring or sector differs
     * from its right or lower neighbour's, 0 elsewhere; pixels already 1 stay 1, so two maps can
     * draw into one mask.
     */
    public void drawGrid(float[] mask) {
        backward();
        for (int y = 0; y < srcH; y++) {
            for (int x = 0; x < srcW; x++) {
                int i = y * srcW + x;
                if (ringOfPixel[i] < 0) continue;
                boolean edge = differs(i, x + 1 < srcW ? i + 1 : -1) || differs(i, y + 1 < srcH ? i + srcW : -1);
                if (edge) mask[i] = 1f;
            }
        }
    }

    private boolean differs(int i, int j) {
        if (j < 0) return false;
        return ringOfPixel[j] != ringOfPixel[i] || sectorOfPixel[j] != sectorOfPixel[i];
    }

    public int rows() { return rows; }
    public int cols() { return cols; }
    public int size() { return rows * cols; }
    public int sourceWidth() { return srcW; }
    public int sourceHeight() { return srcH; }
    /** The radius (px) column {@code col} samples. */
    public double radiusOfColumn(int col) { return radiusOfCol[col]; }
    /** Exact (unquantised) source x of a cell, pixel-centre coordinates. */
    public float sourceX(int row, int col) { return srcX[row * cols + col]; }
    public float sourceY(int row, int col) { return srcY[row * cols + col]; }
    /** Backward LUT: the column (ring) of the cell a source pixel falls in, or -1. */
    public int ringOf(int x, int y) { backward(); return ringOfPixel[y * srcW + x]; }
    /** Backward LUT: the row (sector) of the cell a source pixel falls in, or -1. */
    public int sectorOf(int x, int y) { backward(); return sectorOfPixel[y * srcW + x]; }
    /** Whether the backward LUT has been built (only drawing the grid or asking for it builds it). */
    public boolean hasBackwardLut() { return ringOfPixel != null; }
    /** The forward LUT, for the receptive fields: the top-left pixel of a cell's 2x2 neighbourhood. */
    int bilinearBase(int cell) { return base[cell]; }
    /** Bilinear weight k (0: (x0,y0), 1: (x0+1,y0), 2: (x0,y0+1), 3: (x0+1,y0+1)) of a cell. */
    float bilinearWeight(int cell, int k) { return weights[4 * cell + k]; }
}
