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
 * The visual pathway: frame to luma (and optional opponent planes), DoG, hemifield split and the
 * polar map of each V1 area. The left hemisphere ({@link #left()}) sees the right half of the
 * frame, the right hemisphere the left half.
 *
 * <p>Each area is {@code channels x sectors x rings} floats, row-major, channel-major: channel 0
 * is the DoG of luma (luma in [0, 1], so the DoG lies in [-1, 1] and is 0 on flat regions);
 * with {@code v1.opponent}, channel 1 is R-G and channel 2 is B-Y, each in [-1, 1].
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
            return s;
        }

        /** Each area's shape, {@code {width, height}}: rings x sectors, the sectors repeated per channel. */
        public int[] areaShape() {
            return new int[] {rings, sectors * (opponent ? 3 : 1)};
        }
    }

    private Settings settings;
    private Dog dog;
    private PolarMap leftMap;
    private PolarMap rightMap;
    private float[] luma;
    private float[] dogPlane;
    private float[] redGreen;
    private float[] blueYellow;
    private final PathwayOutput left = new PathwayOutput(Region.V1_L);
    private final PathwayOutput right = new PathwayOutput(Region.V1_R);
    private long lastSequence;

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
    }

    private void apply(Settings s) {
        Settings old = settings;
        settings = s;
        dog = new Dog(s.width, s.height, s.centerSigmaPx, s.surroundSigmaPx, s.radiusPx);
        boolean sameMaps = old != null && old.width == s.width && old.height == s.height && old.rings == s.rings
                && old.sectors == s.sectors && old.log == s.log && old.foveaRadiusPx == s.foveaRadiusPx
                && old.maxRadiusPx == s.maxRadiusPx;
        if (!sameMaps) {
            leftMap = PolarMap.hemifield(s.width, s.height, PolarMap.Hemisphere.LEFT, s.rings, s.sectors,
                    s.foveaRadiusPx, s.maxRadiusPx, s.log);
            rightMap = PolarMap.hemifield(s.width, s.height, PolarMap.Hemisphere.RIGHT, s.rings, s.sectors,
                    s.foveaRadiusPx, s.maxRadiusPx, s.log);
        }
        int n = s.width * s.height;
        if (luma == null || luma.length != n) {
            luma = new float[n];
            dogPlane = new float[n];
        }
        redGreen = s.opponent ? new float[n] : null;
        blueYellow = s.opponent ? new float[n] : null;
        int[] shape = s.areaShape();
        left.reshape(shape[0], shape[1]);
        right.reshape(shape[0], shape[1]);
    }

    /**
     * One tick with a new frame: luma (and the opponent planes), the DoG, both polar maps and the
     * hemifield luma means, from the kernels' loop bounds.
     */
    @Override
    public void countOps(org.ev3cortex.seam.OpCount c) {
        Settings s = settings;
        long n = (long) s.width * s.height;
        Planes.countLuma(s.format, n, c);
        if (s.opponent) Planes.countOpponent(s.format, n, c);
        dog.countOps(c);
        leftMap.countRemap(c, channels());
        rightMap.countRemap(c, channels());
        // Hemifield means: a double sum over every luma pixel, two divides.
        c.fconv += n + 4;
        c.dop += n + 4;
        c.iop += 2 * n;
        c.bytes += 4 * n;
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
        hemifieldLuma(t);
    }

    /**
     * Mean luma of each half of the frame (0..1), for the behaviours that steer by light: the left
     * half is the left visual field.
     */
    private void hemifieldLuma(TickData t) {
        int w = settings.width;
        int h = settings.height;
        int half = w / 2;
        double sumLeft = 0;
        double sumRight = 0;
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < half; x++) sumLeft += luma[row + x];
            for (int x = half; x < w; x++) sumRight += luma[row + x];
        }
        t.percepts().luma(sumLeft / ((double) half * h), sumRight / ((double) (w - half) * h));
    }

    /**
     * The whole pathway on one frame, into caller-owned areas of {@link #areaSize()} floats.
     * No allocation.
     */
    public void process(byte[] frame, float[] leftArea, float[] rightArea) {
        Settings s = settings;
        Planes.luma(frame, s.format, s.width, s.height, luma);
        dog.apply(luma, dogPlane);
        leftMap.remap(dogPlane, leftArea, 0);
        rightMap.remap(dogPlane, rightArea, 0);
        if (s.opponent) {
            Planes.opponent(frame, s.format, s.width, s.height, redGreen, blueYellow);
            int cell = s.sectors * s.rings;
            leftMap.remap(redGreen, leftArea, cell);
            rightMap.remap(redGreen, rightArea, cell);
            leftMap.remap(blueYellow, leftArea, 2 * cell);
            rightMap.remap(blueYellow, rightArea, 2 * cell);
        }
    }

    /** V1-L (the right visual field), as of the last frame. */
    public float[] left() { return left.output(); }
    /** V1-R (the left visual field), as of the last frame. */
    public float[] right() { return right.output(); }
    /** The two areas this pathway feeds, V1-L then V1-R. */
    public java.util.List<org.ev3cortex.seam.Pathway> outputs() { return java.util.List.of(left, right); }
    /** The intermediate planes of the last frame, for the tools and the viewer. */
    public float[] luma() { return luma; }
    public float[] dog() { return dogPlane; }
    public float[] redGreen() { return redGreen; }
    public float[] blueYellow() { return blueYellow; }
    public PolarMap leftMap() { return leftMap; }
    public PolarMap rightMap() { return rightMap; }
    public Settings settings() { return settings; }
}
