package org.ev3cortex.sim.tools;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** PNG pictures of float arrays, for people to look at (the exact values are in the .npy). */
public final class Pictures {
    private Pictures() {}

    /** Integer zoom so that small maps (32x32) come out about 256 px wide. */
    static int zoomFor(int w, int h) {
        return Math.max(1, 256 / Math.max(w, h));
    }

    /**
     * Grey picture. Signed data (any negative value) is drawn with 0 as mid grey and +-max|v| as
     * white/black; otherwise min..max spans black..white. A constant array is mid grey.
     */
    public static void grey(Path file, float[] v, int w, int h) throws IOException {
        float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
        for (float x : v) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        float lo, hi;
        if (min < 0) {
            float m = Math.max(-min, max);
            lo = -m;
            hi = m;
        } else {
            lo = min;
            hi = max;
        }
        int z = zoomFor(w, h);
        BufferedImage img = new BufferedImage(w * z, h * z, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h * z; y++) {
            for (int x = 0; x < w * z; x++) {
                float t = hi > lo ? (v[(y / z) * w + x / z] - lo) / (hi - lo) : 0.5f;
                int g = Math.round(255 * Math.max(0, Math.min(1, t)));
                img.setRGB(x, y, g << 16 | g << 8 | g);
            }
        }
        save(file, img);
    }

    /** The luma (in [0, 1]) with the mask's pixels in red: the polar grid over the frame. */
    public static void overlay(Path file, float[] luma, float[] mask, int w, int h) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < w * h; i++) {
            int g = Math.round(255 * Math.max(0, Math.min(1, luma[i])));
            img.setRGB(i % w, i / w, mask[i] > 0 ? 0xff2020 : g << 16 | g << 8 | g);
        }
        save(file, img);
    }

    /**
     * A spectrogram: {@code v} is {@code frames x bins} row-major, values in [0, 1]; time runs
     * left to right, frequency bottom to top, through a dark-to-bright colour map.
     */
    public static void spectrogram(Path file, float[] v, int frames, int bins) throws IOException {
        int zx = Math.max(1, 512 / frames);
        int zy = Math.max(1, 256 / bins);
        BufferedImage img = new BufferedImage(frames * zx, bins * zy, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < bins * zy; y++) {
            int bin = bins - 1 - y / zy;
            for (int x = 0; x < frames * zx; x++) img.setRGB(x, y, heat(v[(x / zx) * bins + bin]));
        }
        save(file, img);
    }

    /** Black, purple, red, orange, pale yellow: monotonic in brightness. */
    static int heat(float t) {
        t = Math.max(0, Math.min(1, t));
        float[][] stops = {{0, 0, 0}, {80, 18, 123}, {190, 55, 80}, {250, 140, 30}, {252, 253, 190}};
        float p = t * (stops.length - 1);
        int i = Math.min((int) p, stops.length - 2);
        float f = p - i;
        int r = Math.round(stops[i][0] + f * (stops[i + 1][0] - stops[i][0]));
        int g = Math.round(stops[i][1] + f * (stops[i + 1][1] - stops[i][1]));
        int b = Math.round(stops[i][2] + f * (stops[i + 1][2] - stops[i][2]));
        return r << 16 | g << 8 | b;
    }

    static void save(Path file, BufferedImage img) throws IOException {
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        if (!ImageIO.write(img, "png", png)) throw new IOException("no PNG writer");
        org.ev3cortex.sim.report.AtomicWrite.bytes(file, png.toByteArray());
    }
}
