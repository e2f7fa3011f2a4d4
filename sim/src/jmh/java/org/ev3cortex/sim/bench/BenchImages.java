package org.ev3cortex.sim.bench;

import java.util.Random;

/** The benchmarks' input: a deterministic photo-like grey scene (shading, discs, noise). */
final class BenchImages {
    private BenchImages() {}

    static int width(String size) {
        return Integer.parseInt(size.substring(0, size.indexOf('x')));
    }

    static int height(String size) {
        return Integer.parseInt(size.substring(size.indexOf('x') + 1));
    }

    static byte[] scene(int w, int h) {
        Random rnd = new Random(w * 7919L + h);
        byte[] out = new byte[w * h];
        double[][] discs = new double[10][];
        for (int k = 0; k < discs.length; k++) {
            discs[k] = new double[] {rnd.nextDouble() * w, rnd.nextDouble() * h, 3 + rnd.nextDouble() * w / 8, rnd.nextDouble() * 255};
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = 60 + 80.0 * x / w + 40 * Math.sin(y * 6.0 / h);
                for (double[] d : discs) if (Math.hypot(x - d[0], y - d[1]) < d[2]) v = d[3];
                out[y * w + x] = (byte) Math.max(0, Math.min(255, Math.round(v + rnd.nextGaussian() * 6)));
            }
        }
        return out;
    }

    static float[] toFloat(byte[] g, float scale) {
        float[] f = new float[g.length];
        for (int i = 0; i < g.length; i++) f[i] = (g[i] & 0xff) * scale;
        return f;
    }
}
