package org.ev3cortex.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.ev3cortex.v1.PolarMap.Hemisphere;
import org.junit.jupiter.api.Test;

class PolarMapTest {

    static final int W = 160, H = 120;
    static final double CX = (W - 1) / 2.0, CY = (H - 1) / 2.0;

    /** A plane whose value depends only on the distance from (cx, cy): concentric rings. */
    static float[] rings(int w, int h, double cx, double cy, double wavelengthPx) {
        float[] p = new float[w * h];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
                p[y * w + x] = (float) (0.5 + 0.5 * Math.cos(2 * Math.PI * Math.hypot(x - cx, y - cy) / wavelengthPx));
        return p;
    }

    @Test
    void aRingImageMapsToColumnsThatAreConstantOverAllAngles() {
        float[] img = rings(W, H, CX, CY, 16);
        for (boolean log : new boolean[] {false, true}) {
            for (Hemisphere side : Hemisphere.values()) {
                PolarMap m = PolarMap.hemifield(W, H, side, 24, 36, 4, 55, log); // 55 px stays inside the frame
                float[] out = new float[m.size()];
                m.remap(img, out, 0);
                for (int k = 0; k < m.cols(); k++) {
                    double expected = 0.5 + 0.5 * Math.cos(2 * Math.PI * m.radiusOfColumn(k) / 16);
                    for (int s = 0; s < m.rows(); s++) {
                        // Bilinear interpolation of a cosine of period 16 px errs by at most ~2% of its swing.
                        assertThat((double) out[s * m.cols() + k]).as("log=%s %s sector %d ring %d", log, side, s, k)
                                .isCloseTo(expected, within(0.03));
                    }
                }
            }
        }
    }

    @Test
    void aRadialLineMapsToOneRowAtEveryRadius() {
        int sectors = 18, rings = 20;
        PolarMap m = PolarMap.hemifield(W, H, Hemisphere.LEFT, rings, sectors, 4, 55, true);
        int s0 = 5;
        double theta = (s0 + 0.5) * Math.PI / sectors; // from straight up, towards +x for the left hemisphere
        float[] img = new float[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                double dx = x - CX, dy = y - CY;
                double along = dx * Math.sin(theta) - dy * Math.cos(theta);
                double across = dx * Math.cos(theta) + dy * Math.sin(theta);
                if (along > 0 && Math.abs(across) < 1.5) img[y * W + x] = 1f; // a 3 px wide ray
            }
        }
        float[] out = new float[m.size()];
        m.remap(img, out, 0);
        for (int k = 0; k < rings; k++) {
            // Bilinear neighbours of the innermost samples reach behind the centre, where the ray is not.
            if (m.radiusOfColumn(k) > 2) assertThat(out[s0 * rings + k]).as("on the ray, ring %d", k).isEqualTo(1f);
            for (int s = 0; s < sectors; s++) {
                double gapPx = m.radiusOfColumn(k) * Math.sin(Math.abs(s - s0) * Math.PI / sectors);
                if (gapPx > 3) assertThat(out[s * rings + k]).as("off the ray, sector %d ring %d", s, k).isZero();
            }
        }
    }

    @Test
    void openCvLogRadiusFollowsExpRhoLnROverWMinusOne() {
        double maxR = 70, cx = 80.5, cy = 60.25;
        int rows = 90, cols = 64;
        PolarMap m = PolarMap.openCv(W, H, cx, cy, maxR, rows, cols, true, false);
        for (int rho = 0; rho < cols; rho++) {
            double expected = Math.exp(rho * Math.log(maxR) / cols) - 1;
            assertThat(m.radiusOfColumn(rho)).isCloseTo(expected, within(1e-4 * Math.max(1, expected)));
            for (int phi = 0; phi < rows; phi += 7) {
                double dx = m.sourceX(phi, rho) - cx, dy = m.sourceY(phi, rho) - cy;
                assertThat(Math.hypot(dx, dy)).isCloseTo(expected, within(1e-3));
                if (rho > 0) {
                    double angle = Math.atan2(dy, dx);
                    if (angle < 0) angle += 2 * Math.PI;
                    double want = phi * 2 * Math.PI / rows;
                    assertThat(Math.abs(Math.IEEEremainder(angle - want, 2 * Math.PI))).isLessThan(1e-4);
                }
            }
        }
        PolarMap lin = PolarMap.openCv(W, H, cx, cy, maxR, rows, cols, false, false);
        for (int rho = 0; rho < cols; rho++) assertThat(lin.radiusOfColumn(rho)).isCloseTo(rho * maxR / cols, within(1e-4));
    }

    @Test
    void hemifieldLogRadiusIsLinearInTheFoveaThenExponentialAndEndsAtMaxRadius() {
        int rings = 32;
        double f = 4, maxR = 100;
        double fr = rings / (1 + Math.log(maxR / f)); // rings inside the fovea
        PolarMap m = PolarMap.hemifield(W, H, Hemisphere.LEFT, rings, 16, f, maxR, true);
        for (int k = 0; k < rings; k++) {
            double rho = k + 0.5;
            double expected = rho <= fr ? rho * f / fr : f * Math.exp((rho - fr) / fr);
            assertThat(m.radiusOfColumn(k)).isCloseTo(expected, within(1e-9));
        }
        // Equal ratios between successive rings outside the fovea: the log-polar property.
        int k0 = (int) Math.ceil(fr) + 1;
        double ratio = m.radiusOfColumn(k0 + 1) / m.radiusOfColumn(k0);
        for (int k = k0; k < rings - 1; k++) {
            assertThat(m.radiusOfColumn(k + 1) / m.radiusOfColumn(k)).isCloseTo(ratio, within(1e-9));
        }
        assertThat(PolarMap.hemifieldRadius(rings, rings, f, maxR, true)).isCloseTo(maxR, within(1e-9));
        assertThat(PolarMap.hemifieldRadius(fr, rings, f, maxR, true)).isCloseTo(f, within(1e-9));
    }

    @Test
    void theBackwardLutPutsEachPixelInTheCellWhoseSampleIsNearest() {
        int rings = 16, sectors = 12;
        double f = 4, maxR = 60;
        for (Hemisphere side : Hemisphere.values()) {
            PolarMap m = PolarMap.hemifield(W, H, side, rings, sectors, f, maxR, true);
            int mapped = 0;
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    int ring = m.ringOf(x, y), sector = m.sectorOf(x, y);
                    double dx = x - CX, dy = y - CY;
                    boolean ownSide = side == Hemisphere.LEFT ? dx > 0 : dx < 0;
                    double r = Math.hypot(dx, dy);
                    if (!ownSide || r >= maxR) {
                        assertThat(ring).as("(%d,%d) outside %s map", x, y, side).isEqualTo(-1);
                        continue;
                    }
                    mapped++;
                    // The pixel lies between the radii that bound its ring and within its sector's angles.
                    double lo = PolarMap.hemifieldRadius(ring, rings, f, maxR, true);
                    double hi = PolarMap.hemifieldRadius(ring + 1, rings, f, maxR, true);
                    assertThat(r).as("(%d,%d) ring %d", x, y, ring).isBetween(lo - 1e-9, hi + 1e-9);
                    double theta = Math.atan2(Math.abs(dx), -dy);
                    assertThat(theta).isBetween(sector * Math.PI / sectors - 1e-9, (sector + 1) * Math.PI / sectors + 1e-9);
                    // And that cell's sample point is in the same ring and sector: forward and backward agree.
                    double sx = m.sourceX(sector, ring) - CX, sy = m.sourceY(sector, ring) - CY;
                    assertThat(Math.hypot(sx, sy)).isBetween(lo, hi);
                }
            }
            assertThat(mapped).isGreaterThan(4000);
            float[] mask = new float[W * H];
            m.drawGrid(mask);
            double lit = 0;
            for (float v : mask) lit += v;
            assertThat(lit).as("grid pixels").isBetween(200.0, W * H / 3.0);
        }
    }

    @Test
    void quantisedMapsSnapToThirtySecondsOfAPixel() {
        PolarMap exact = PolarMap.openCv(W, H, 80, 60, 50, 64, 40, false, false);
        PolarMap q = PolarMap.openCv(W, H, 80, 60, 50, 64, 40, false, true);
        // A horizontal ramp makes the remap read back the x it sampled.
        float[] ramp = new float[W * H];
        for (int y = 0; y < H; y++) for (int x = 0; x < W; x++) ramp[y * W + x] = x;
        float[] a = new float[q.size()];
        float[] b = new float[q.size()];
        exact.remap(ramp, a, 0);
        q.remap(ramp, b, 0);
        for (int phi = 0; phi < 64; phi++) {
            for (int rho = 1; rho < 40; rho++) {
                int i = phi * 40 + rho;
                assertThat((double) a[i]).isCloseTo(exact.sourceX(phi, rho), within(1e-3));
                assertThat((double) b[i]).isCloseTo(Math.rint(q.sourceX(phi, rho) * 32) / 32, within(1e-3));
            }
        }
    }
}
