package org.ev3cortex.sim.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.ev3cortex.body.PixelFormat;
import org.junit.jupiter.api.Test;

class RendererTest {
    /** YUYV byte by byte, as BT.601 full range in 8-bit fixed point, chroma from each pair's summed channels. */
    private static byte[] reference(int[] rgb) {
        byte[] out = new byte[2 * rgb.length];
        for (int i = 0; i < rgb.length; i += 2) {
            int r0 = rgb[i] >> 16 & 0xFF, g0 = rgb[i] >> 8 & 0xFF, b0 = rgb[i] & 0xFF;
            int r1 = rgb[i + 1] >> 16 & 0xFF, g1 = rgb[i + 1] >> 8 & 0xFF, b1 = rgb[i + 1] & 0xFF;
            int r = r0 + r1, g = g0 + g1, b = b0 + b1;
            out[2 * i] = (byte) ((77 * r0 + 150 * g0 + 29 * b0 + 128) >> 8);
            out[2 * i + 1] = (byte) Math.max(0, Math.min(255, ((-43 * r - 85 * g + 128 * b + 256) >> 9) + 128));
            out[2 * i + 2] = (byte) ((77 * r1 + 150 * g1 + 29 * b1 + 128) >> 8);
            out[2 * i + 3] = (byte) Math.max(0, Math.min(255, ((128 * r - 107 * g - 21 * b + 256) >> 9) + 128));
        }
        return out;
    }

    @Test
    void yuyvFramesMatchTheByteByByteConversion() {
        Renderer renderer = new Renderer(160, 120, 60, 0.1);
        SplittableRandom random = new SplittableRandom(3);
        int[] rgb = renderer.rgb();
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = i % 7 == 0 ? 0xFFFFFF : i % 11 == 0 ? 0x0000FF : i % 13 == 0 ? 0xFF0000 : random.nextInt(1 << 24);
        }
        byte[] frame = new byte[2 * rgb.length];
        renderer.toFrame(PixelFormat.YUYV, frame);
        assertThat(frame).isEqualTo(reference(rgb));
    }

    /**
     * The YUYV made while rendering (sky, ground and wall pairs from their rows and columns, the
     * rest and the lights' glow pair by pair) equals the conversion of the rendered pixels, along
     * a drive past walls, obstacles and the light.
     */
    @Test
    void renderedFramesConvertAsTheirPixels() throws Exception {
        org.ev3cortex.config.Config c = new org.ev3cortex.config.ConfigLoader(org.ev3cortex.sim.SimKeys.schema()).load(
                java.util.List.of(), java.util.List.of(new org.ev3cortex.config.ConfigOverride("sim.hostStats", "false", "test")));
        World w = new World(c);
        Renderer renderer = new Renderer(160, 120, 60, 0.1);
        byte[] frame = new byte[2 * 160 * 120];
        w.runForever(0, 300);
        w.runForever(1, 500);
        int lit = 0;
        for (int k = 0; k < 300; k++) {
            w.advanceTo(w.nanos() + 100_000_000L);
            renderer.render(w);
            renderer.toFrame(PixelFormat.YUYV, frame);
            assertThat(frame).as("frame %d", k).isEqualTo(reference(renderer.rgb()));
            for (int p : renderer.rgb()) if ((p >> 16 & 0xFF) >= 245 && (p >> 8 & 0xFF) >= 240) lit++; // glow: the sky's red is 223
        }
        assertThat(lit).as("the light was in view at some point").isPositive();
    }
}
