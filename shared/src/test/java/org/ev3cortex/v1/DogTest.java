package org.ev3cortex.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DogTest {

    /** exp(-k^2 / 2 s^2) normalised over -r..r, computed here in double from scratch. */
    private static double gauss(int k, double sigma, int r) {
        double z = 0;
        for (int j = -r; j <= r; j++) z += Math.exp(-j * j / (2 * sigma * sigma));
        return Math.exp(-k * k / (2 * sigma * sigma)) / z;
    }

    @Test
    void theDogOfOneBrightPixelIsTheDifferenceOfTwoSampledGaussians() {
        int w = 41, h = 31, r = 6;
        double sc = 1.3, ss = 2.6;
        float[] in = new float[w * h];
        int cx = 20, cy = 15;
        in[cy * w + cx] = 1f;
        float[] out = new float[w * h];
        new Dog(w, h, sc, ss, r).apply(in, out);
        double total = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int dx = x - cx, dy = y - cy;
                double expected = Math.abs(dx) <= r && Math.abs(dy) <= r
                        ? gauss(dx, sc, r) * gauss(dy, sc, r) - gauss(dx, ss, r) * gauss(dy, ss, r) : 0;
                assertThat((double) out[y * w + x]).as("(%d,%d)", x, y).isCloseTo(expected, within(1e-6));
                total += out[y * w + x];
            }
        }
        assertThat(out[cy * w + cx]).isPositive(); // on-centre
        assertThat(total).isCloseTo(0, within(1e-5)); // both kernels sum to 1
    }

    @Test
    void edgesReflectWithoutRepeatingTheBorderPixel() {
        int w = 13, h = 9, r = 4;
        double sc = 1.0, ss = 2.0;
        Random rnd = new Random(3);
        float[] in = new float[w * h];
        for (int i = 0; i < in.length; i++) in[i] = rnd.nextFloat();
        float[] out = new float[w * h];
        new Dog(w, h, sc, ss, r).apply(in, out);
        // Brute-force 2-D convolution with mirrored indices (... 2 1 | 0 1 2 ...).
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double sum = 0;
                for (int dy = -r; dy <= r; dy++) {
                    for (int dx = -r; dx <= r; dx++) {
                        int sx = mirror(x + dx, w), sy = mirror(y + dy, h);
                        double k = gauss(dx, sc, r) * gauss(dy, sc, r) - gauss(dx, ss, r) * gauss(dy, ss, r);
                        sum += k * in[sy * w + sx];
                    }
                }
                assertThat((double) out[y * w + x]).as("(%d,%d)", x, y).isCloseTo(sum, within(2e-6));
            }
        }
    }

    private static int mirror(int i, int n) {
        while (i < 0 || i >= n) i = i < 0 ? -i : 2 * (n - 1) - i;
        return i;
    }

    @Test
    void aFlatImageGivesZeroEverywhereIncludingTheBorder() {
        int w = 20, h = 10;
        float[] in = new float[w * h];
        java.util.Arrays.fill(in, 0.7f);
        float[] out = new float[w * h];
        new Dog(w, h, 1, 2, 5).apply(in, out);
        for (float v : out) assertThat(v).isCloseTo(0f, within(1e-6f));
    }

    @Test
    void anImageNoLargerThanTheKernelIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> new Dog(4, 30, 1, 2, 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("smaller than the DoG kernel");
    }
}
