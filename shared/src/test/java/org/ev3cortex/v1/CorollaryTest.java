package org.ev3cortex.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.ev3cortex.body.PixelFormat;
import org.junit.jupiter.api.Test;

/** V1's corollary discharge: the shift it measures, the gain it learns, the moved fields. */
class CorollaryTest {
    static final int W = 160;
    static final int H = 120;

    /** A random texture, smoothed a little so its column sums vary smoothly, like a scene's. */
    static byte[] texture(long seed, int w) {
        Random r = new Random(seed);
        int[] colour = new int[w];
        int v = 128;
        for (int x = 0; x < w; x++) {
            v = Math.max(20, Math.min(235, v + r.nextInt(41) - 20));
            colour[x] = v;
        }
        byte[] f = new byte[w * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < w; x++) f[y * w + x] = (byte) (y < 30 + (x * 7) % 40 ? 200 : colour[x]);
        }
        return f;
    }

    /** The window {@code [x0, x0 + W)} of a wide texture: a camera panning over it. */
    static byte[] view(byte[] wide, int wideW, int x0) {
        byte[] f = new byte[W * H];
        for (int y = 0; y < H; y++) System.arraycopy(wide, y * wideW + x0, f, y * W, W);
        return f;
    }

    static int[] sums(byte[] frame) {
        int[] out = new int[W];
        Corollary.columnSums(frame, 1, W, H, out);
        return out;
    }

    @Test
    void theMeasuredShiftIsTheCamerasPan() {
        int wideW = 400;
        byte[] wide = texture(3, wideW);
        Corollary c = new Corollary(W, H, 48, 0.01);
        for (int s : new int[] {-40, -17, -3, 0, 5, 22, 47}) {
            c.columns(sums(view(wide, wideW, 150)));
            c.update(0);
            c.columns(sums(view(wide, wideW, 150 + s)));
            c.update(0);
            // The new view at x is the old view at x + s.
            assertThat(c.observed()).as("pan %d", s).isEqualTo(s);
        }
    }

    @Test
    void theGainIsLearnedFromTurnsAndTheirShifts() {
        int wideW = 2000;
        byte[] wide = texture(5, wideW);
        Corollary c = new Corollary(W, H, 48, 0.05);
        Random r = new Random(9);
        int x0 = 900;
        double trueGain = -0.12; // px per count/s, as the default robot: turning right moves the image left
        int turn = 0;
        for (int t = 0; t < 300; t++) {
            int shift = (int) Math.round(trueGain * turn);
            x0 = Math.max(0, Math.min(wideW - W, x0 + shift));
            c.columns(sums(view(wide, wideW, x0)));
            int nextTurn = r.nextInt(601) - 300;
            c.update(nextTurn);
            turn = nextTurn;
            if (x0 <= 50 || x0 >= wideW - W - 50) x0 = 900; // wrap the pan back (a jump the fit sees once)
        }
        assertThat((double) c.gain()).isCloseTo(trueGain, within(0.012));
        assertThat(c.observations()).isGreaterThan(250);
        // The prediction for the next frame is the gain times the command now.
        assertThat(c.shift()).isEqualTo(Math.round(c.gain() * turn));
    }

    /**
     * The moved fields give, for every cell whose taps stay in the frame, exactly what the
     * unmoved fields give on the frame panned by the same amount: both kinds, both areas.
     */
    @Test
    void movedFieldsEqualTheFieldsOnAPannedFrame() {
        int wideW = 400;
        byte[] wide = texture(7, wideW);
        for (boolean eccentric : new boolean[] {false, true}) {
            V1.Settings s = new V1.Settings();
            s.format = PixelFormat.GRAY8;
            s.eccentric = eccentric;
            V1 v1 = new V1(s);
            int cells = v1.areaSize();
            byte[] now = view(wide, wideW, 100);
            for (int shift : new int[] {-30, -4, 9, 40}) {
                byte[] panned = view(wide, wideW, 100 + shift);
                float[] l = new float[cells], r = new float[cells];
                float[] pl = new float[cells], pr = new float[cells];
                v1.process(panned, pl, pr);
                v1.process(now, l, r);
                int[] sat = eccentric ? new int[(W + 1) * (H + 1)] : null;
                if (eccentric) ReceptiveFields.integrate(now, 1, W, H, sat);
                float[] ml = new float[cells], mr = new float[cells];
                int movedL = v1.leftFields().applyShifted(sat, now, shift, l, 0, ml, 0);
                int movedR = v1.rightFields().applyShifted(sat, now, shift, r, 0, mr, 0);
                assertThat(movedL + movedR).as("cells moved, shift %d", shift).isGreaterThan(cells / 2);
                int same = 0;
                for (int i = 0; i < cells; i++) {
                    if (ml[i] != l[i] || shift == 0) { assertThat(ml[i]).isEqualTo(pl[i]); same++; }
                    if (mr[i] != r[i] || shift == 0) { assertThat(mr[i]).isEqualTo(pr[i]); same++; }
                }
                assertThat(same).isGreaterThan(cells / 2);
            }
        }
    }
}
