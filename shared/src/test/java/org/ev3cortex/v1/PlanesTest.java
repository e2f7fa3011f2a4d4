package org.ev3cortex.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.ev3cortex.body.PixelFormat;
import org.junit.jupiter.api.Test;

class PlanesTest {

    @Test
    void lumaIsTheSameBt601GreyFromEveryFormat() {
        // Two pixels: pure red and mid grey.
        byte[] rgb = {(byte) 255, 0, 0, (byte) 128, (byte) 128, (byte) 128};
        byte[] gray = {76, (byte) 128};                         // 0.299 * 255 = 76.2
        byte[] yuyv = {76, 90, (byte) 128, (byte) 240};          // Y0 U Y1 V: the Y bytes are the luma
        float[] l = new float[2];
        Planes.luma(rgb, PixelFormat.RGB24, 2, 1, l);
        assertThat(l[0]).isCloseTo(0.299f, within(1e-6f));
        assertThat(l[1]).isCloseTo(128 / 255f, within(1e-6f));
        Planes.luma(gray, PixelFormat.GRAY8, 2, 1, l);
        assertThat(l[0]).isCloseTo(76 / 255f, within(1e-6f));
        Planes.luma(yuyv, PixelFormat.YUYV, 2, 1, l);
        assertThat(l[0]).isCloseTo(76 / 255f, within(1e-6f));
        assertThat(l[1]).isCloseTo(128 / 255f, within(1e-6f));
    }

    @Test
    void opponentChannelsSeparateRedFromGreenAndBlueFromYellow() {
        byte[] rgb = {(byte) 255, 0, 0, 0, 0, (byte) 255, (byte) 255, (byte) 255, 0, 50, 50, 50};
        float[] rg = new float[4];
        float[] by = new float[4];
        Planes.opponent(rgb, PixelFormat.RGB24, 4, 1, rg, by);
        assertThat(rg).containsExactly(new float[] {1f, 0f, 0f, 0f}, within(1e-6f));
        assertThat(by).containsExactly(new float[] {-0.5f, 1f, -1f, 0f}, within(1e-6f));
        // YUYV of BT.601 pure red (Y 81, U 90, V 240) decodes to nearly pure red.
        byte[] yuyv = {81, 90, 81, (byte) 240};
        Planes.opponent(yuyv, PixelFormat.YUYV, 2, 1, rg, by);
        assertThat(rg[0]).isCloseTo(1f, within(0.03f));
        assertThat(by[0]).isCloseTo(-0.5f, within(0.03f));
    }
}
