package org.ev3cortex.sim.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {
    @TempDir
    Path dir;

    @Test
    void whatIsWrittenReadsBackBitForBitWithItsShape() throws Exception {
        Random rnd = new Random(7);
        for (int[] shape : new int[][] {{5}, {3, 7}, {2, 3, 4}, {120, 160}, {1}}) {
            int n = 1;
            for (int d : shape) n *= d;
            float[] v = new float[n];
            for (int i = 0; i < n; i++) v[i] = Float.intBitsToFloat(rnd.nextInt());
            v[0] = -0.0f;
            if (n > 3) {
                v[1] = Float.NaN;
                v[2] = Float.MIN_VALUE;
                v[3] = Float.NEGATIVE_INFINITY;
            }
            Path f = dir.resolve("a" + n + ".npy");
            Npy.write(f, v, shape);
            NpyReader r = NpyReader.read(f);
            assertThat(r.shape).containsExactly(shape);
            for (int i = 0; i < n; i++) {
                assertThat(Float.floatToRawIntBits(r.data[i])).as("element %d", i).isEqualTo(Float.floatToRawIntBits(v[i]));
            }
        }
    }

    @Test
    void aOneDimensionalShapeIsWrittenAsAPythonOneTuple() throws Exception {
        Path f = dir.resolve("one.npy");
        Npy.write(f, new float[] {1, 2, 3}, 3);
        String header = new String(java.nio.file.Files.readAllBytes(f), 10, 118, java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(header).contains("'shape': (3, )");
    }
}
