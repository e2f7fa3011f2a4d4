package org.ev3cortex.sim.tools.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads .npy files written by NumPy 2.x's {@code np.save} (see src/test/resources/predict). */
class NpyReaderTest {
    @TempDir
    Path dir;

    private static Path resource(String name) throws URISyntaxException {
        return Paths.get(NpyReaderTest.class.getResource("/predict/" + name).toURI());
    }

    @Test
    void float32StackOfFrames() throws Exception {
        // np.zeros((12, 8, 12), float32); frame k has 1.0 in column k; plus 0.25 * x / 12 everywhere.
        NpyReader.Frames f = NpyReader.read(resource("bar-12x8x12-f4.npy"));
        assertThat(f.count).isEqualTo(12);
        assertThat(f.height).isEqualTo(8);
        assertThat(f.width).isEqualTo(12);
        for (int k = 0; k < 12; k++) {
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 12; x++) {
                    float expected = (k == x ? 1f : 0f) + 0.25f * x / 12;
                    assertThat(f.data[(k * 8 + y) * 12 + x]).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void uint8IsScaledToUnitRange() throws Exception {
        // np.array([[0, 51, 255], [102, 204, 1]], uint8).T: shape (3, 2), one frame.
        NpyReader.Frames f = NpyReader.read(resource("ramp-3x2-u1.npy"));
        assertThat(f.count).isEqualTo(1);
        assertThat(f.height).isEqualTo(3);
        assertThat(f.width).isEqualTo(2);
        assertThat(f.data).containsExactly(0f, 102 / 255f, 51 / 255f, 204 / 255f, 1f, 1 / 255f);
    }

    @Test
    void float64IsRejectedWithTheFix() throws Exception {
        Path p = resource("ramp-f8.npy");
        assertThatThrownBy(() -> NpyReader.read(p)).isInstanceOf(IOException.class)
                .hasMessage(p + ": dtype <f8 is not supported; use float32 (<f4) or uint8");
    }

    @Test
    void truncatedAndForeignFilesAreNamed() throws Exception {
        byte[] whole = Files.readAllBytes(resource("bar-12x8x12-f4.npy"));
        Path cut = dir.resolve("cut.npy");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length - 4));
        assertThatThrownBy(() -> NpyReader.read(cut)).hasMessageContaining("truncated");
        Path png = dir.resolve("x.npy");
        Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0, 0, 0, 0, 0});
        assertThatThrownBy(() -> NpyReader.read(png)).hasMessageContaining("not a .npy file");
    }
}
