package org.ev3cortex.sim.tools;

import java.util.Random;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;

/** Synthetic test pictures, made in the tests; written to disk with OpenCV's own encoder. */
final class TestImages {
    private TestImages() {}

    /**
     * A photo-like grey picture: smooth shading, hard-edged discs and bars, and pixel noise, so
     * both flat regions and steep edges are exercised.
     */
    static byte[] scene(int w, int h, long seed) {
        Random rnd = new Random(seed);
        double[] v = new double[w * h];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
                v[y * w + x] = 60 + 80.0 * x / w + 40 * Math.sin(y * 6.0 / h) + 20 * Math.cos((x + y) * 0.05);
        for (int k = 0; k < 12; k++) {
            double cx = rnd.nextDouble() * w, cy = rnd.nextDouble() * h, r = 3 + rnd.nextDouble() * w / 8;
            double level = rnd.nextDouble() * 255;
            for (int y = 0; y < h; y++)
                for (int x = 0; x < w; x++)
                    if (Math.hypot(x - cx, y - cy) < r) v[y * w + x] = level;
        }
        for (int k = 0; k < 6; k++) {
            int x0 = rnd.nextInt(w), bw = 2 + rnd.nextInt(Math.max(1, w / 10)), level = rnd.nextInt(256);
            for (int y = 0; y < h; y++) for (int x = x0; x < Math.min(w, x0 + bw); x++) v[y * w + x] = level;
        }
        byte[] out = new byte[w * h];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Math.max(0, Math.min(255, Math.round(v[i] + rnd.nextGaussian() * 6)));
        }
        return out;
    }

    static Mat gray(byte[] px, int w, int h) {
        Mat m = new Mat(h, w, opencv_core.CV_8UC1);
        m.data().put(px);
        return m;
    }

    static byte[] bytes(Mat m) {
        if (!m.isContinuous()) throw new IllegalStateException("expected a continuous Mat");
        byte[] b = new byte[(int) (m.total() * m.elemSize())];
        m.data().get(b);
        return b;
    }

    static void writePng(java.nio.file.Path file, byte[] gray, int w, int h) {
        try (Mat m = gray(gray, w, h)) {
            if (!opencv_imgcodecs.imwrite(file.toString(), m)) throw new IllegalStateException("imwrite failed: " + file);
        }
    }

}
