package org.ev3cortex.v1;

import org.ev3cortex.body.BodyKeys;
import org.ev3cortex.body.PixelFormat;
import org.ev3cortex.body.Snapshot;
import org.ev3cortex.config.Config;
import org.ev3cortex.seam.PathwayOutput;
import org.ev3cortex.seam.Region;
import org.ev3cortex.seam.Stage;
import org.ev3cortex.seam.TickData;

/**
 * The visual pathway: each cell of the two V1 areas computes its own centre-surround response
 * (its {@link ReceptiveFields receptive field}) at its place in the visual field, from the 8-bit
 * luma of the frame, in integers; the polar maps say where the cells are. The left hemisphere
 * ({@link #left()}) sees the right half of the frame, the right hemisphere the left half.
 *
 * <p>Each area is {@code channels x sectors x rings} floats, row-major, channel-major: channel 0
 * is the DoG of luma (luma in [0, 1], so the DoG lies in [-1, 1] and is 0 on flat regions);
 * with {@code v1.opponent}, channel 1 is R-G and channel 2 is B-Y, each in [-1, 1], sampled
 * bilinearly at the cells' places (computed in integers at each cell's four pixels only).
 *
 * <p>The old float path (a full-frame DoG of a float luma plane, then the bilinear remap) stays
 * for comparison and for the full-frame pictures: {@link #processFloat}, {@link #luma()},
 * {@link #dog()}; none of it runs in a tick.
 *
 * <p>Use it as a {@link Stage} (it reads {@link Snapshot#frame}), or as a kernel: build it with
 * {@link #V1(Settings)} and call {@link #process(byte[], float[], float[])} with your own output
 * buffers.
 */
public final class V1 implements Stage {
    /** How each area's shape follows from the keys. */
    public static final String SHAPE_SOURCE = "v1.rings x v1.sectors (x3 with v1.opponent)";

    /** Everything V1 needs, read once from a config (or set by hand for a kernel). */
    public static final class Settings {
        public int width = 160;
        public int height = 120;
        public PixelFormat format = PixelFormat.YUYV;
        public boolean opponent;
        public double centerSigmaPx = 1.0;
        public double surroundSigmaPx = 2.0;
        public int radiusPx = 4;
        public int rings = 32;
        public int sectors = 32;
        public boolean log = true;
        public double foveaRadiusPx = 4.0;
        public double maxRadiusPx; // 0: to the corner
        public boolean eccentric = true;
        public boolean corollary;
        public int corollaryMaxShiftPx = 48;
        public double corollaryGainRate = 0.01;

        public static Settings of(Config c) {
            Settings s = new Settings();
            s.width = c.get(BodyKeys.CAMERA_WIDTH);
            s.height = c.get(BodyKeys.CAMERA_HEIGHT);
            s.format = BodyKeys.cameraFormat(c);
            s.opponent = c.get(V1Keys.OPPONENT);
            s.centerSigmaPx = c.get(V1Keys.CENTER_SIGMA_PX);
            s.surroundSigmaPx = c.get(V1Keys.SURROUND_SIGMA_PX);
            s.radiusPx = c.get(V1Keys.KERNEL_RADIUS_PX);
            s.rings = c.get(V1Keys.RINGS);
            s.sectors = c.get(V1Keys.SECTORS);
            s.log = c.get(V1Keys.MAP).equals("logpolar");
            s.foveaRadiusPx = c.get(V1Keys.FOVEA_RADIUS_PX);
            s.maxRadiusPx = c.get(V1Keys.MAX_RADIUS_PX);
            s.eccentric = c.get(V1Keys.RECEPTIVE_FIELD).equals("eccentric");
            s.corollary = c.get(V1Keys.COROLLARY);
            s.corollaryMaxShiftPx = c.get(V1Keys.COROLLARY_MAX_SHIFT_PX);
            s.corollaryGainRate = c.get(V1Keys.COROLLARY_GAIN_RATE);
            return s;
        }

        /** Each area's shape, {@code {width, height}}: rings x sectors, the sectors repeated per channel. */
        public int[] areaShape() {
            return new int[] {rings, sectors * (opponent ? 3 : 1)};
        }
    }

    private Settings settings;
    private PolarMap leftMap;
    private PolarMap rightMap;
    private ReceptiveFields leftFields;
    private ReceptiveFields rightFields;
    private byte[] rgbLuma;   // RGB24 only: the integer BT.601 luma
    private int lightMinLuma = 200;
    private int lightContrast = 30;
    private int lightSurround = 10;
    private int[] sat;        // eccentric only: the summed-area table of the luma
    private int[] columnSums; // the luma's column sums: the hemifields' light and the corollary's shift
    private int[] leftOpponentPixel;  // v1.opponent: each cell's 4 bilinear neighbours ...
    private int[] leftOpponentWeight; // ... and their weights in Q10
    private int[] rightOpponentPixel;
    private int[] rightOpponentWeight;
    private float[] redGreen;   // the float planes, made on demand (tools, comparisons)
    private float[] blueYellow;
    private final PathwayOutput left = new PathwayOutput(Region.V1_L);
    private final PathwayOutput right = new PathwayOutput(Region.V1_R);
    // The corollary discharge (v1.corollary): each cell's response to the frame moved by the shift
    // self-motion is predicted to cause by the next frame; without it, a copy of the areas.
    private final PathwayOutput leftNext = new PathwayOutput(Region.V1_L);
    private final PathwayOutput rightNext = new PathwayOutput(Region.V1_R);
    private Corollary corollary;
    private long lastSequence;
    // The old float path, made on first use (the tools, the viewer, the comparisons).
    private Dog dog;
    private float[] luma;
    private float[] dogPlane;
    private byte[] lastFrame;
    private boolean floatStale;

    /** An unconfigured stage; the loop calls {@link #configure} before the first tick. */
    public V1() {}

    public V1(Settings s) {
        apply(s);
    }

    /** Built from a config, ready to use. */
    public static V1 fromConfig(Config c) {
        return new V1(Settings.of(c));
    }

    @Override
    public String name() {
        return "v1";
    }

    @Override
    public void configure(Config config) {
        apply(Settings.of(config));
        lightMinLuma = config.get(V1Keys.LIGHT_MIN_LUMA);
        lightContrast = config.get(V1Keys.LIGHT_CONTRAST);
        lightSurround = config.get(V1Keys.LIGHT_SURROUND_PX);
    }

    private void apply(Settings s) {
        if (s.radiusPx < 1) throw new IllegalArgumentException("kernel radius must be >= 1, got " + s.radiusPx);
        if (s.width <= s.radiusPx || s.height <= s.radiusPx) {
            throw new IllegalArgumentException("image " + s.width + "x" + s.height + " is smaller than the DoG kernel (radius "
                    + s.radiusPx + " px needs more than " + s.radiusPx + " px each way)");
        }
        Settings old = settings;
        settings = s;
        boolean sameMaps = old != null && old.width == s.width && old.height == s.height && old.rings == s.rings
                && old.sectors == s.sectors && old.log == s.log && old.foveaRadiusPx == s.foveaRadiusPx
                && old.maxRadiusPx == s.maxRadiusPx;
        if (!sameMaps) {
            leftMap = PolarMap.hemifield(s.width, s.height, PolarMap.Hemisphere.LEFT, s.rings, s.sectors,
                    s.foveaRadiusPx, s.maxRadiusPx, s.log);
            rightMap = PolarMap.hemifield(s.width, s.height, PolarMap.Hemisphere.RIGHT, s.rings, s.sectors,
                    s.foveaRadiusPx, s.maxRadiusPx, s.log);
        }
        leftFields = fields(leftMap, s);
        rightFields = fields(rightMap, s);
        int n = s.width * s.height;
        rgbLuma = s.format == PixelFormat.RGB24 ? new byte[n] : null;
        sat = s.eccentric ? new int[(s.width + 1) * (s.height + 1)] : null;
        columnSums = new int[s.width];
        redGreen = null;
        blueYellow = null;
        if (s.opponent) {
            int cells = s.rings * s.sectors;
            leftOpponentPixel = new int[4 * cells];
            leftOpponentWeight = new int[4 * cells];
            rightOpponentPixel = new int[4 * cells];
            rightOpponentWeight = new int[4 * cells];
            opponentTaps(leftMap, leftOpponentPixel, leftOpponentWeight);
            opponentTaps(rightMap, rightOpponentPixel, rightOpponentWeight);
        }
        dog = null;
        luma = null;
        dogPlane = null;
        lastFrame = null;
        int[] shape = s.areaShape();
        left.reshape(shape[0], shape[1]);
        right.reshape(shape[0], shape[1]);
        leftNext.reshape(shape[0], shape[1]);
        rightNext.reshape(shape[0], shape[1]);
        // A retune keeps what the gain has learned unless the frame or the search window changed.
        boolean sameCorollary = s.corollary && corollary != null && old != null && old.corollary
                && old.width == s.width && old.height == s.height && old.corollaryMaxShiftPx == s.corollaryMaxShiftPx
                && old.corollaryGainRate == s.corollaryGainRate;
        if (!sameCorollary) {
            corollary = s.corollary ? new Corollary(s.width, s.height, s.corollaryMaxShiftPx, s.corollaryGainRate) : null;
        }
    }

    private static ReceptiveFields fields(PolarMap map, Settings s) {
        if (s.eccentric) {
            return ReceptiveFields.eccentric(map, s.centerSigmaPx, s.surroundSigmaPx, s.radiusPx, s.foveaRadiusPx,
                    s.maxRadiusPx, s.log);
        }
        return ReceptiveFields.fixed(map, s.centerSigmaPx, s.surroundSigmaPx, s.radiusPx, lumaStride(s.format));
    }

    /** Bytes between two luma samples of a frame: YUYV's Y bytes are every other byte. */
    private static int lumaStride(PixelFormat f) {
        return f == PixelFormat.YUYV ? 2 : 1;
    }

    /**
     * One tick with a new frame: the RGB luma, the summed-area table, both areas' receptive
     * fields (from their tap counts), the opponent planes and their remaps, the hemifield luma
     * sums; from the kernels' loop bounds.
     */
    @Override
    public void countOps(org.ev3cortex.seam.OpCount c) {
        Settings s = settings;
        long n = (long) s.width * s.height;
        if (s.format == PixelFormat.RGB24) {
            c.iop += 12 * n;
            c.bytes += 4 * n;
        }
        if (s.eccentric) ReceptiveFields.countIntegrate(s.width, s.height, c);
        leftFields.countOps(c);
        rightFields.countOps(c);
        if (s.opponent) {
            long taps = 2 * 4L * s.rings * s.sectors;
            long cells = 2L * s.rings * s.sectors;
            if (s.format == PixelFormat.YUYV) {
                c.iop += 34 * taps;
                c.bytes += 11 * taps;
            } else if (s.format == PixelFormat.RGB24) {
                c.iop += 20 * taps;
                c.bytes += 11 * taps;
            }
            if (s.format != PixelFormat.GRAY8) {
                c.fconv += 2 * cells;
                c.fmul += 2 * cells;
                c.iop += 8 * cells;
                c.bytes += 8 * cells;
            } else {
                c.bytes += 8 * cells;
            }
        }
        if (s.corollary) { // the column sums, the shift search, and the fields moved once more
            corollary.countOps(c);
            leftFields.countShifted(c);
            rightFields.countShifted(c);
            c.iop += 8L * s.rings * s.sectors;
        } else {
            c.bytes += 16L * s.rings * s.sectors;
        }
        // Hemifield sums: the luma's column sums (an int add per luma byte), added up per half; two
        // conversions and divides for the means. The lamp test: a load and a compare per pixel
        // (the few bright ones cost more), and its means.
        Corollary.countColumnSums(s.width, s.height, c);
        c.iop += 2L * s.width + 4 * n + 6L * s.height;
        c.bytes += 4L * s.width + n;
        c.fconv += 8;
        c.dop += 8;
    }

    /** 1, or 3 with the opponent channels. */
    public int channels() {
        return settings.opponent ? 3 : 1;
    }

    /** Floats per area: channels x sectors x rings. */
    public int areaSize() {
        return channels() * settings.sectors * settings.rings;
    }

    @Override
    public void update(TickData t) {
        Snapshot in = t.in();
        // No camera, or no new frame since the last tick: keep the previous areas and percepts.
        if (in.frame.length == 0 || !in.frameReading.isNewerThan(lastSequence)) return;
        lastSequence = in.frameReading.sequence;
        process(in.frame, left.output(), right.output());
        hemifieldLuma(t, in.frame);
        selfMotion(in.frame, t.efference());
    }

    /**
     * The corollary discharge for the frame just processed: the shift the robot's turning (the
     * last issued wheel speeds) will cause by the next frame, and each cell's response to this
     * frame moved by it. See {@link Corollary}.
     */
    private void selfMotion(byte[] frame, org.ev3cortex.seam.Efference efference) {
        float[] l = left.output();
        float[] r = right.output();
        if (corollary == null) {
            System.arraycopy(l, 0, leftNext.output(), 0, l.length);
            System.arraycopy(r, 0, rightNext.output(), 0, r.length);
            return;
        }
        Settings s = settings;
        byte[] src = rgbLuma != null ? rgbLuma : frame;
        corollary.columns(columnSums); // made for the hemifields' light this tick
        int shift = corollary.update(Corollary.turn(efference));
        leftFields.applyShifted(sat, src, shift, l, 0, leftNext.output(), 0);
        rightFields.applyShifted(sat, src, shift, r, 0, rightNext.output(), 0);
        int cells = s.sectors * s.rings;
        if (s.opponent) { // the colour channels are not moved
            System.arraycopy(l, cells, leftNext.output(), cells, 2 * cells);
            System.arraycopy(r, cells, rightNext.output(), cells, 2 * cells);
        }
    }

    /**
     * Mean luma of each half of the frame (0..1), for the behaviours that steer by light: the left
     * half is the left visual field, from the luma's column sums (which the corollary discharge
     * uses too). Then the lamps: a
     * pixel at least {@code v1.light.minLuma} bright and {@code v1.light.contrast} brighter than both
     * pixels {@code v1.light.surroundPx} to its sides, or than both three times as far, is part of a
     * small bright spot (a horizontal centre-surround test at two scales: an edge or the sky fails it); its excess over the brighter side is its
     * mass, and the mass-weighted mean column is the light's bearing.
     */
    private void hemifieldLuma(TickData t, byte[] frame) {
        Settings s = settings;
        int w = s.width;
        int h = s.height;
        int half = w / 2;
        byte[] src = rgbLuma != null ? rgbLuma : frame;
        int stride = rgbLuma != null ? 1 : lumaStride(s.format);
        int k = Math.min(lightSurround, Math.max(1, half - 1)) * stride;
        int k3 = 3 * k;
        Corollary.columnSums(src, stride, w, h, columnSums);
        long sumLeft = 0;
        long sumRight = 0;
        for (int x = 0; x < half; x++) sumLeft += columnSums[x];
        for (int x = half; x < w; x++) sumRight += columnSums[x];
        long mass = 0;
        long moment = 0;
        for (int y = 0; y < h; y++) {
            int row = y * w * stride;
            int end = row + w * stride;
            int col = k / stride;
            for (int i = row + k; i < end - k; i += stride, col++) {
                int v = src[i] & 0xff;
                if (v < lightMinLuma) continue;
                int e = v - Math.max(src[i - k] & 0xff, src[i + k] & 0xff);
                // A near lamp is wider than the surround: look three times as far as well.
                if (e < lightContrast && i - k3 >= row && i + k3 < end) e = v - Math.max(src[i - k3] & 0xff, src[i + k3] & 0xff);
                if (e < lightContrast) continue;
                mass += e;
                moment += (long) e * col;
            }
        }
        t.percepts().luma(sumLeft / (255.0 * half * h), sumRight / (255.0 * (w - half) * h));
        double centre = (w - 1) / 2.0;
        t.percepts().light(mass / (255.0 * w * h), mass == 0 ? 0 : (centre - (double) moment / mass) / centre);
    }

    /**
     * The whole pathway on one frame, into caller-owned areas of {@link #areaSize()} floats.
     * No allocation.
     */
    public void process(byte[] frame, float[] leftArea, float[] rightArea) {
        Settings s = settings;
        byte[] src = frame;
        int stride = lumaStride(s.format);
        if (rgbLuma != null) {
            rgbLuma(frame, rgbLuma, s.width * s.height);
            src = rgbLuma;
            stride = 1;
        }
        if (sat != null) {
            ReceptiveFields.integrate(src, stride, s.width, s.height, sat);
            leftFields.apply(sat, leftArea, 0);
            rightFields.apply(sat, rightArea, 0);
        } else {
            leftFields.apply(src, leftArea, 0);
            rightFields.apply(src, rightArea, 0);
        }
        if (s.opponent) opponent(frame, leftArea, rightArea);
        lastFrame = frame;
        floatStale = true;
    }

    /** The opponent channels of both areas, in integers at each cell's 4 bilinear neighbours. */
    private void opponent(byte[] frame, float[] leftArea, float[] rightArea) {
        Settings s = settings;
        int cells = s.sectors * s.rings;
        if (s.format == PixelFormat.GRAY8) { // no colour
            java.util.Arrays.fill(leftArea, cells, 3 * cells, 0f);
            java.util.Arrays.fill(rightArea, cells, 3 * cells, 0f);
            return;
        }
        boolean yuyv = s.format == PixelFormat.YUYV;
        opponentCells(frame, yuyv, leftOpponentPixel, leftOpponentWeight, leftArea, cells);
        opponentCells(frame, yuyv, rightOpponentPixel, rightOpponentWeight, rightArea, cells);
    }

    private static final int Q = 1024;                  // colour components and weights in Q10
    private static final int MAX_COMPONENT = 255 * Q;
    private static final float RED_GREEN_SCALE = 1f / (255f * Q * Q);
    private static final float BLUE_YELLOW_SCALE = 1f / (2 * 255f * Q * Q);

    /**
     * R-G and B-(R+G)/2 at each cell: per neighbour the RGB in Q10 (YUYV through the BT.601
     * limited-range equations in Q10, clamped as {@link Planes#opponent} clamps), weighted in
     * Q10. The sums fit an int: |2B - R - G| * 1024 summed with weights that add up to 1024.
     */
    private static void opponentCells(byte[] f, boolean yuyv, int[] pix, int[] wt, float[] dst, int cells) {
        for (int c = 0; c < cells; c++) {
            int rg = 0;
            int by = 0;
            for (int k = 4 * c, e = k + 4; k < e; k++) {
                int i = pix[k];
                int r;
                int g;
                int b;
                if (yuyv) {
                    int y = 1192 * ((f[2 * i] & 0xff) - 16); // 1.164, 1.596, 0.392, 0.813, 2.017 times 1024
                    int p = (i & ~1) * 2;                    // Y0 U Y1 V
                    int u = (f[p + 1] & 0xff) - 128;
                    int v = (f[p + 3] & 0xff) - 128;
                    r = clampComponent(y + 1634 * v);
                    g = clampComponent(y - 401 * u - 833 * v);
                    b = clampComponent(y + 2065 * u);
                } else {
                    int j = 3 * i;
                    r = (f[j] & 0xff) << 10;
                    g = (f[j + 1] & 0xff) << 10;
                    b = (f[j + 2] & 0xff) << 10;
                }
                rg += wt[k] * (r - g);
                by += wt[k] * (2 * b - r - g);
            }
            dst[cells + c] = rg * RED_GREEN_SCALE;
            dst[2 * cells + c] = by * BLUE_YELLOW_SCALE;
        }
    }

    private static int clampComponent(int v) {
        return v < 0 ? 0 : v > MAX_COMPONENT ? MAX_COMPONENT : v;
    }

    /** Each cell's 4 bilinear neighbours and their weights in Q10, summing to exactly 1024 where the float ones sum to 1. */
    private void opponentTaps(PolarMap m, int[] pix, int[] wt) {
        int w = settings.width;
        for (int c = 0; c < m.size(); c++) {
            int base = m.bilinearBase(c);
            float fsum = 0;
            int sum = 0;
            int big = 4 * c;
            for (int b = 0; b < 4; b++) {
                int k = 4 * c + b;
                pix[k] = base + (b == 1 || b == 3 ? 1 : 0) + (b >= 2 ? w : 0);
                wt[k] = Math.round(m.bilinearWeight(c, b) * Q);
                fsum += m.bilinearWeight(c, b);
                sum += wt[k];
                if (wt[k] > wt[big]) big = k;
            }
            if (Math.abs(fsum - 1) < 1e-3f) wt[big] += Q - sum;
        }
    }

    /** The old float path's opponent channels: the full-frame float planes, then the remap. */
    private void opponentFloat(byte[] frame, float[] leftArea, float[] rightArea) {
        Settings s = settings;
        opponentPlanes(frame);
        int cell = s.sectors * s.rings;
        leftMap.remap(redGreen, leftArea, cell);
        rightMap.remap(redGreen, rightArea, cell);
        leftMap.remap(blueYellow, leftArea, 2 * cell);
        rightMap.remap(blueYellow, rightArea, 2 * cell);
    }

    private void opponentPlanes(byte[] frame) {
        Settings s = settings;
        if (redGreen == null) {
            redGreen = new float[s.width * s.height];
            blueYellow = new float[s.width * s.height];
        }
        Planes.opponent(frame, s.format, s.width, s.height, redGreen, blueYellow);
    }

    /** BT.601 luma in integers: (77 R + 150 G + 29 B + 128) >> 8, the weights times 256. */
    static void rgbLuma(byte[] rgb, byte[] out, int n) {
        for (int i = 0, j = 0; i < n; i++, j += 3) {
            out[i] = (byte) ((77 * (rgb[j] & 0xff) + 150 * (rgb[j + 1] & 0xff) + 29 * (rgb[j + 2] & 0xff) + 128) >> 8);
        }
    }

    /**
     * The old float path on one frame, for comparison: the float luma plane, the full-frame DoG,
     * then the bilinear remap of each area (and the opponent channels as {@link #process} does).
     * Fills {@link #luma()} and {@link #dog()}. Allocates its planes on first use.
     */
    public void processFloat(byte[] frame, float[] leftArea, float[] rightArea) {
        floatPlanes(frame);
        leftMap.remap(dogPlane, leftArea, 0);
        rightMap.remap(dogPlane, rightArea, 0);
        if (settings.opponent) opponentFloat(frame, leftArea, rightArea);
    }

    private void floatPlanes(byte[] frame) {
        Settings s = settings;
        if (dog == null) {
            dog = new Dog(s.width, s.height, s.centerSigmaPx, s.surroundSigmaPx, s.radiusPx);
            luma = new float[s.width * s.height];
            dogPlane = new float[s.width * s.height];
        }
        Planes.luma(frame, s.format, s.width, s.height, luma);
        dog.apply(luma, dogPlane);
        lastFrame = frame;
        floatStale = false;
    }

    private void freshFloat() {
        if (lastFrame == null) {
            if (dog == null) floatPlanes(new byte[settings.format.frameBytes(settings.width, settings.height)]);
        } else if (floatStale || dog == null) {
            floatPlanes(lastFrame);
        }
    }

    /** V1-L (the right visual field), as of the last frame. */
    public float[] left() { return left.output(); }
    /** V1-R (the left visual field), as of the last frame. */
    public float[] right() { return right.output(); }
    /**
     * The corollary discharge, V1-L then V1-R: each cell's response to the last frame moved by
     * the image shift that self-motion is predicted to cause by the next frame (a copy of the
     * areas with {@code v1.corollary} off). Same shapes as {@link #outputs()}.
     */
    public java.util.List<org.ev3cortex.seam.Pathway> corollaries() { return java.util.List.of(leftNext, rightNext); }
    /** The corollary discharge's learned gain, px of image shift per count/s of turning command (0 when off). */
    public float corollaryGain() { return corollary == null ? 0f : corollary.gain(); }
    /** The image shift, px, predicted for the next frame (0 when off). */
    public int predictedShift() { return corollary == null ? 0 : corollary.shift(); }
    /** The two areas this pathway feeds, V1-L then V1-R. */
    public java.util.List<org.ev3cortex.seam.Pathway> outputs() { return java.util.List.of(left, right); }
    /**
     * The float luma plane of the last frame (old float path), for the tools and the viewer:
     * computed on demand from the last frame, which must still be intact (the snapshot's buffer
     * until the next read).
     */
    public float[] luma() { freshFloat(); return luma; }
    /** The full-frame float DoG of the last frame (old float path), computed on demand as {@link #luma()}. */
    public float[] dog() { freshFloat(); return dogPlane; }
    /** The receptive fields of V1-L and V1-R. */
    public ReceptiveFields leftFields() { return leftFields; }
    public ReceptiveFields rightFields() { return rightFields; }
    /** The float R-G plane of the last frame (old float path), on demand as {@link #luma()}; null without v1.opponent. */
    public float[] redGreen() { return opponentPlane(true); }
    /** The float B-Y plane of the last frame, on demand; null without v1.opponent. */
    public float[] blueYellow() { return opponentPlane(false); }

    private float[] opponentPlane(boolean redGreenPlane) {
        if (!settings.opponent) return null;
        if (lastFrame != null) opponentPlanes(lastFrame);
        else if (redGreen == null) opponentPlanes(new byte[settings.format.frameBytes(settings.width, settings.height)]);
        return redGreenPlane ? redGreen : blueYellow;
    }
    public PolarMap leftMap() { return leftMap; }
    public PolarMap rightMap() { return rightMap; }
    public Settings settings() { return settings; }
}
