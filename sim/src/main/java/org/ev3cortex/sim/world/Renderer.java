package org.ev3cortex.sim.world;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.ev3cortex.body.PixelFormat;

/**
 * Renders the robot's camera view by casting one ray per image column (a "2.5-D" raycaster):
 * walls and obstacles as vertical bands in their colour, darker with distance; a sky lighter than
 * the ground; lights as bright glows. Output is YUYV, GRAY8 or RGB24 like a real webcam's.
 */
public final class Renderer {
    private final int width;
    private final int height;
    private final double fovRad;
    private final double cameraHeightM;
    private final int[] rgb;
    private final double[] columnDepth;
    private final int[] columnTop;
    private final int[] columnBottom;
    private final int[] columnWall;
    private final int[] hitColour = new int[1];
    private double[] columnAngle; // per column, its ray's angle from the heading, and that angle's cosine
    private double[] columnCos;
    /** Four bytes of a frame as one little-endian int: Y0 U Y1 V in one store. */
    private static final VarHandle YUYV_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private int[] skyRows;    // per image row, computed once: the gradients do not depend on the pose
    private int[] groundRows;
    // YUYV of the last render, one int (Y0 U Y1 V) per pair of pixels, made from the columns: a
    // pair of sky, of ground or of one wall pair takes its row's or its columns' value, only
    // mixed pairs and the pairs a light drew on are converted one by one. Null for an odd width.
    private final int[] frameYuyv;
    private int[] skyPairs;
    private int[] groundPairs;
    private boolean yuyvOfRender;
    private byte[] yuyvViewOf;
    private java.nio.IntBuffer yuyvView;
    // With YUYV, rgb is filled only when asked for (rgb(), another format): render writes the
    // pixels a light drew on (marked with the frame's number in lit) and leaves the rest to be
    // made from the columns, which give every other pixel.
    private final int[] lit;
    private int frameNumber;
    private int rgbOfFrame;   // the frame whose pixels rgb holds in full

    public Renderer(int width, int height, double fovDeg, double cameraHeightM) {
        this.width = width;
        this.height = height;
        this.fovRad = Math.toRadians(fovDeg);
        this.cameraHeightM = cameraHeightM;
        this.rgb = new int[width * height];
        this.columnDepth = new double[width];
        this.columnTop = new int[width];
        this.columnBottom = new int[width];
        this.columnWall = new int[width];
        this.frameYuyv = width % 2 == 0 ? new int[width * height / 2] : null;
        this.lit = frameYuyv == null ? null : new int[width * height];
    }

    public int width() { return width; }
    public int height() { return height; }

    /**
     * The last rendered frame as 0xRRGGBB, row-major; for the viewer, read-only, on the thread
     * that renders (it is filled when asked for). Whoever writes into it must call
     * {@link #rgbChanged()} before the next {@link #toFrame}.
     */
    public int[] rgb() {
        fillRgb();
        return rgb;
    }

    /** {@link #rgb()} was written from outside: the next frame is converted from it. */
    public void rgbChanged() {
        yuyvOfRender = false;
        rgbOfFrame = frameNumber;
    }

    /** Makes rgb hold the last render's pixels: the columns' sky, wall and ground, and the lit pixels kept. */
    private void fillRgb() {
        if (lit == null || rgbOfFrame == frameNumber) return;
        for (int r = 0, i = 0; r < height; r++) {
            for (int c = 0; c < width; c++, i++) {
                if (lit[i] != frameNumber) rgb[i] = unlit(r, c);
            }
        }
        rgbOfFrame = frameNumber;
    }

    /** The pixel at row r, column c before the lights: sky above its column's wall, ground below. */
    private int unlit(int r, int c) {
        return r < columnTop[c] ? skyRows[r] : r <= columnBottom[c] ? columnWall[c] : groundRows[r];
    }

    /** The pixel i of the last render so far (a light may have drawn on it already). */
    private int pixel(int i) {
        return lit == null || lit[i] == frameNumber ? rgb[i] : unlit(i / width, i % width);
    }

    /** Renders the view from the world's current pose into {@link #rgb()}. */
    public void render(World w) {
        double x;
        double y;
        double heading;
        synchronized (w) {
            x = w.x();
            y = w.y();
            heading = w.heading();
        }
        double focal = (width / 2.0) / Math.tan(fovRad / 2);
        int horizon = height / 2;
        if (skyRows == null) {
            skyRows = new int[height];
            groundRows = new int[height];
            skyPairs = new int[height];
            groundPairs = new int[height];
            for (int r = 0; r < height; r++) {
                skyRows[r] = Colour.scale(w.skyColour, 1.0 - 0.15 * r / (double) height);
                groundRows[r] = Colour.scale(w.groundColour, 0.7 + 0.3 * (r - horizon) / (double) (height - horizon));
                skyPairs[r] = yuyv(skyRows[r], skyRows[r]);
                groundPairs[r] = yuyv(groundRows[r], groundRows[r]);
            }
        }
        castColumns(w, x, y, heading, focal, horizon);
        // Filled row by row, in memory order: sky above each column's wall, ground below it.
        if (frameYuyv == null) {
            for (int r = 0, i = 0; r < height; r++) {
                int sky = skyRows[r];
                int ground = groundRows[r];
                for (int c = 0; c < width; c++, i++) {
                    rgb[i] = r < columnTop[c] ? sky : r <= columnBottom[c] ? columnWall[c] : ground;
                }
            }
        } else {
            frameNumber++;
            if (frameNumber == 0) { // after 2^32 frames: no pixel may look lit by chance
                java.util.Arrays.fill(lit, 0);
                frameNumber = 1;
            }
            for (int j = 0; j < width / 2; j++) fillPair(j);
        }
        for (WorldSpec.Light l : w.lights) drawLight(w, l, x, y, heading, focal, horizon);
        yuyvOfRender = frameYuyv != null;
    }

    /**
     * One ray per column from the pose: the depth, the wall's top and bottom rows and its
     * colour. (Small methods, so the JIT compiles each early and fast, not one long method
     * several times over for its loops while the run's first ticks wait.)
     */
    private void castColumns(World w, double x, double y, double heading, double focal, int horizon) {
        if (columnAngle == null) {
            columnAngle = new double[width];
            columnCos = new double[width];
            for (int c = 0; c < width; c++) {
                // Column 0 is the left of the image: the robot's left, +angle.
                columnAngle[c] = Math.atan(((width - 1) / 2.0 - c) / focal);
                columnCos[c] = Math.cos(columnAngle[c]);
            }
        }
        for (int c = 0; c < width; c++) {
            double a = heading + columnAngle[c];
            double dx = Math.cos(a);
            double dy = Math.sin(a);
            double d = w.castRay(x, y, dx, dy, hitColour);
            double perpendicular = Math.max(1e-3, d * columnCos[c]);
            columnDepth[c] = d;
            columnTop[c] = (int) Math.round(horizon - focal * (w.wallHeightM - cameraHeightM) / perpendicular);
            columnBottom[c] = (int) Math.round(horizon + focal * cameraHeightM / perpendicular);
            columnWall[c] = Colour.scale(hitColour[0], 1.0 / (1 + 0.25 * d));
        }
    }

    /**
     * The YUYV of column pair j, top to bottom: the rows split into at most five runs in which
     * each of the two columns stays sky, wall or ground; a pair of one kind takes its row's or
     * its wall's value, only the rows where the two columns differ are converted one by one.
     */
    private void fillPair(int j) {
        int pairs = width / 2;
        int c = 2 * j;
        int wall0 = columnWall[c];
        int wall1 = columnWall[c + 1];
        int wallPair = yuyv(wall0, wall1);
        // Rows [0, a) are sky, [a, b) wall, [b, height) ground, for either column.
        int a0 = Math.max(0, Math.min(height, columnTop[c]));
        int b0 = Math.max(0, Math.min(height, Math.max(Math.min(columnBottom[c], height) + 1, columnTop[c])));
        int a1 = Math.max(0, Math.min(height, columnTop[c + 1]));
        int b1 = Math.max(0, Math.min(height, Math.max(Math.min(columnBottom[c + 1], height) + 1, columnTop[c + 1])));
        int r = 0;
        while (r < height) {
            int k0 = r < a0 ? 0 : r < b0 ? 1 : 2;
            int k1 = r < a1 ? 0 : r < b1 ? 1 : 2;
            int end = Math.min(k0 == 0 ? a0 : k0 == 1 ? b0 : height, k1 == 0 ? a1 : k1 == 1 ? b1 : height);
            int i = r * pairs + j;
            if (k0 == k1) {
                if (k0 == 0) {
                    for (; r < end; r++, i += pairs) frameYuyv[i] = skyPairs[r];
                } else if (k0 == 1) {
                    for (; r < end; r++, i += pairs) frameYuyv[i] = wallPair;
                } else {
                    for (; r < end; r++, i += pairs) frameYuyv[i] = groundPairs[r];
                }
            } else {
                // A mixed row (there are few): one at a time, not a loop the JIT would unroll.
                int p0 = k0 == 0 ? skyRows[r] : k0 == 1 ? wall0 : groundRows[r];
                int p1 = k1 == 0 ? skyRows[r] : k1 == 1 ? wall1 : groundRows[r];
                frameYuyv[i] = yuyv(p0, p1);
                r++;
            }
        }
    }

    private void drawLight(World w, WorldSpec.Light l, double x, double y, double heading, double focal, int horizon) {
        double dx = l.x - x;
        double dy = l.y - y;
        double d = Math.hypot(dx, dy);
        double rel = Math.atan2(dy, dx) - heading;
        rel = Math.atan2(Math.sin(rel), Math.cos(rel));
        if (Math.abs(rel) > fovRad / 2 + 0.3 || d < 1e-6) return;
        double cx = (width - 1) / 2.0 - focal * Math.tan(rel);
        double cy = horizon - focal * (w.wallHeightM * 0.8 - cameraHeightM) / Math.max(1e-3, d * Math.cos(rel));
        double radius = Math.max(1.5, 0.06 * focal * l.intensity / Math.max(d, 0.2));
        int c0 = (int) Math.floor(cx - 2 * radius);
        int c1 = (int) Math.ceil(cx + 2 * radius);
        for (int c = Math.max(0, c0); c <= Math.min(width - 1, c1); c++) {
            if (columnDepth[c] < d - 0.05) continue; // hidden behind something nearer
            for (int r = Math.max(0, (int) (cy - 2 * radius)); r <= Math.min(height - 1, (int) (cy + 2 * radius)); r++) {
                double q = Math.hypot(c - cx, r - cy) / radius;
                if (q > 2) continue;
                double glow = Math.exp(-q * q);
                int i = r * width + c;
                int p = pixel(i);
                rgb[i] = Colour.rgb(Colour.r(p) + (255 - Colour.r(p)) * glow,
                        Colour.g(p) + (250 - Colour.g(p)) * glow, Colour.b(p) + (210 - Colour.b(p)) * glow);
                if (frameYuyv != null) {
                    lit[i] = frameNumber;
                    frameYuyv[i >> 1] = yuyv(pixel(i & ~1), pixel(i | 1));
                }
            }
        }
    }

    /** Converts the last render into a frame of the given format (BT.601 full-range YUV). */
    public void toFrame(PixelFormat format, byte[] dst) {
        int n = width * height;
        if (format != PixelFormat.YUYV || !yuyvOfRender) fillRgb();
        switch (format) {
            case GRAY8:
                for (int i = 0; i < n; i++) dst[i] = (byte) luma(rgb[i]);
                break;
            case RGB24:
                for (int i = 0; i < n; i++) {
                    dst[3 * i] = (byte) Colour.r(rgb[i]);
                    dst[3 * i + 1] = (byte) Colour.g(rgb[i]);
                    dst[3 * i + 2] = (byte) Colour.b(rgb[i]);
                }
                break;
            case YUYV:
            default:
                if (yuyvOfRender) {
                    // A bulk copy through a little-endian int view of dst (made once per dst): as
                    // fast as a store loop once compiled, and not 20 times slower before, as a
                    // VarHandle store is in the interpreter and C1 for the run's first ticks.
                    if (yuyvViewOf != dst) {
                        yuyvView = java.nio.ByteBuffer.wrap(dst).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
                        yuyvViewOf = dst;
                    }
                    yuyvView.clear();
                    yuyvView.put(frameYuyv, 0, n / 2);
                } else {
                    for (int i = 0; i < n; i += 2) YUYV_LE.set(dst, 2 * i, yuyv(rgb[i], rgb[i + 1]));
                }
                break;
        }
    }

    /** Y0 U Y1 V of two 0xRRGGBB pixels, packed low byte first: BT.601 full range in 8-bit fixed point. */
    private static int yuyv(int p0, int p1) {
        int r0 = (p0 >> 16) & 0xFF, g0 = (p0 >> 8) & 0xFF, b0 = p0 & 0xFF;
        int r1 = (p1 >> 16) & 0xFF, g1 = (p1 >> 8) & 0xFF, b1 = p1 & 0xFF;
        // Chroma from the pair's summed channels.
        int r = r0 + r1;
        int g = g0 + g1;
        int b = b0 + b1;
        int y0 = (77 * r0 + 150 * g0 + 29 * b0 + 128) >> 8;
        int u = clampByte(((-43 * r - 85 * g + 128 * b + 256) >> 9) + 128);
        int y1 = (77 * r1 + 150 * g1 + 29 * b1 + 128) >> 8;
        int v = clampByte(((128 * r - 107 * g - 21 * b + 256) >> 9) + 128);
        return (y0 & 0xFF) | (u << 8) | ((y1 & 0xFF) << 16) | (v << 24);
    }

    private static int clampByte(int v) {
        return v < 0 ? 0 : v > 255 ? 255 : v;
    }

    static int luma(int p) {
        return clamp(0.299 * Colour.r(p) + 0.587 * Colour.g(p) + 0.114 * Colour.b(p));
    }

    private static int clamp(double v) {
        return v <= 0 ? 0 : v >= 255 ? 255 : (int) (v + 0.5);
    }
}
