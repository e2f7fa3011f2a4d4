package org.ev3cortex.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.ev3cortex.body.PixelFormat;
import org.junit.jupiter.api.Test;

/**
 * V1's integer receptive fields against independent computations: the old float path (the
 * full-frame DoG of {@link Dog}, then {@link PolarMap#remap}) for the fixed kind, a brute-force
 * box-filtered DoG in double for the eccentric kind.
 */
class ReceptiveFieldsTest {

    /** An RGB picture, {@code w x h}, 3 bytes a pixel. */
    static final class Picture {
        final String name;
        final int w;
        final int h;
        final byte[] rgb;

        Picture(String name, int w, int h, byte[] rgb) {
            this.name = name;
            this.w = w;
            this.h = h;
            this.rgb = rgb;
        }

        String name() { return name; }
        int w() { return w; }
        int h() { return h; }
        byte[] rgb() { return rgb; }
    }

    static Path repoRoot() {
        return Paths.get(System.getProperty("ev3cortex.repoRoot", ".."));
    }

    /** Reads a picture and shrinks it by area averaging to {@code w x h} (no resize when they match). */
    static Picture read(Path file, int w, int h) throws Exception {
        BufferedImage img = ImageIO.read(file.toFile());
        int iw = img.getWidth(), ih = img.getHeight();
        byte[] rgb = new byte[3 * w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int xa = x * iw / w, xb = Math.max(xa + 1, (x + 1) * iw / w);
                int ya = y * ih / h, yb = Math.max(ya + 1, (y + 1) * ih / h);
                long[] sum = new long[3];
                for (int yy = ya; yy < yb; yy++) {
                    for (int xx = xa; xx < xb; xx++) {
                        int p = img.getRGB(xx, yy);
                        sum[0] += (p >> 16) & 0xff;
                        sum[1] += (p >> 8) & 0xff;
                        sum[2] += p & 0xff;
                    }
                }
                int count = (xb - xa) * (yb - ya);
                for (int k = 0; k < 3; k++) rgb[3 * (y * w + x) + k] = (byte) Math.round((double) sum[k] / count);
            }
        }
        return new Picture(file.getFileName() + "@" + w + "x" + h, w, h, rgb);
    }

    /** A photo-like scene: shading, hard-edged discs, bars and pixel noise. */
    static Picture scene(int w, int h, long seed) {
        Random rnd = new Random(seed);
        double[][] v = new double[3][w * h];
        for (int c = 0; c < 3; c++)
            for (int y = 0; y < h; y++)
                for (int x = 0; x < w; x++)
                    v[c][y * w + x] = 50 + 30 * c + 80.0 * x / w + 40 * Math.sin(y * 6.0 / h) + 20 * Math.cos((x + y) * 0.05);
        for (int k = 0; k < 14; k++) {
            double cx = rnd.nextDouble() * w, cy = rnd.nextDouble() * h, r = 2 + rnd.nextDouble() * w / 8;
            double[] level = {rnd.nextDouble() * 255, rnd.nextDouble() * 255, rnd.nextDouble() * 255};
            for (int y = 0; y < h; y++)
                for (int x = 0; x < w; x++)
                    if (Math.hypot(x - cx, y - cy) < r) for (int c = 0; c < 3; c++) v[c][y * w + x] = level[c];
        }
        byte[] rgb = new byte[3 * w * h];
        for (int i = 0; i < w * h; i++) {
            double noise = rnd.nextGaussian() * 6;
            for (int c = 0; c < 3; c++) rgb[3 * i + c] = (byte) Math.max(0, Math.min(255, Math.round(v[c][i] + noise)));
        }
        return new Picture("scene" + seed + "@" + w + "x" + h, w, h, rgb);
    }

    /** The pictures of the comparison: the docs' scene and a photo-like one, plus any in -Dv1.photos=DIR. */
    static List<Picture> pictures() throws Exception {
        List<Picture> out = new ArrayList<>();
        Path doc = repoRoot().resolve("docs/images/v1-input.png");
        out.add(read(doc, 160, 120));
        out.add(read(doc, 320, 240));
        out.add(scene(160, 120, 5));
        String dir = System.getProperty("v1.photos");
        if (dir != null) {
            File[] files = new File(dir).listFiles();
            java.util.Arrays.sort(files);
            for (File f : files) if (f.getName().matches("(?i).*\\.(jpe?g|png)$")) out.add(read(f.toPath(), 160, 120));
        }
        return out;
    }

    /** The frame of a picture in a format: GRAY8 and YUYV carry the integer BT.601 luma (YUYV with neutral chroma). */
    static byte[] frame(Picture p, PixelFormat f) {
        int n = p.w() * p.h();
        if (f == PixelFormat.RGB24) return p.rgb();
        byte[] y = new byte[n];
        V1.rgbLuma(p.rgb(), y, n);
        if (f == PixelFormat.GRAY8) return y;
        byte[] yuyv = new byte[2 * n];
        for (int i = 0; i < n; i++) {
            yuyv[2 * i] = y[i];
            yuyv[2 * i + 1] = (byte) 128;
        }
        return yuyv;
    }

    static V1.Settings settings(Picture p, PixelFormat f, boolean eccentric) {
        V1.Settings s = new V1.Settings();
        s.width = p.w();
        s.height = p.h();
        s.format = f;
        s.rings = 16;
        s.sectors = 16;
        s.eccentric = eccentric;
        return s;
    }

    @Test
    void theFixedFieldsEqualTheOldFloatPathWithinOnePercentOfTheDogsRange() throws Exception {
        for (Picture p : pictures()) {
            for (PixelFormat f : new PixelFormat[] {PixelFormat.YUYV, PixelFormat.GRAY8, PixelFormat.RGB24}) {
                for (boolean log : new boolean[] {true, false}) {
                    V1.Settings s = settings(p, f, false);
                    s.log = log;
                    V1 v1 = new V1(s);
                    byte[] fr = frame(p, f);
                    float[] l = new float[v1.areaSize()], r = new float[v1.areaSize()];
                    float[] lf = new float[v1.areaSize()], rf = new float[v1.areaSize()];
                    v1.process(fr, l, r);
                    v1.processFloat(fr, lf, rf);
                    float[] dog = v1.dog();
                    float min = Float.MAX_VALUE, max = -Float.MAX_VALUE;
                    for (float d : dog) { min = Math.min(min, d); max = Math.max(max, d); }
                    double range = max - min;
                    double worst = 0;
                    for (int i = 0; i < l.length; i++) {
                        worst = Math.max(worst, Math.abs(l[i] - lf[i]));
                        worst = Math.max(worst, Math.abs(r[i] - rf[i]));
                    }
                    System.out.printf("fixed vs float, %s %s %s: worst %.2e = %.4f%% of the DoG's range %.3f%n",
                            p.name(), f, log ? "logpolar" : "linearpolar", worst, 100 * worst / range, range);
                    assertThat(range).isGreaterThan(0.05);
                    assertThat(worst).as("%s %s", p.name(), f).isLessThanOrEqualTo(0.01 * range);
                }
            }
        }
    }

    /** A YUYV frame of a picture with its real chroma: BT.601 limited range, U and V averaged over each pixel pair. */
    static byte[] yuyvWithChroma(Picture p) {
        int n = p.w() * p.h();
        byte[] out = new byte[2 * n];
        for (int i = 0; i < n; i += 2) {
            double u = 0, v = 0;
            for (int k = i; k < i + 2; k++) {
                double r = p.rgb()[3 * k] & 0xff, g = p.rgb()[3 * k + 1] & 0xff, b = p.rgb()[3 * k + 2] & 0xff;
                out[2 * k] = (byte) Math.round(16 + (65.481 * r + 128.553 * g + 24.966 * b) / 255);
                u += 128 + (-37.797 * r - 74.203 * g + 112.0 * b) / 255;
                v += 128 + (112.0 * r - 93.786 * g - 18.214 * b) / 255;
            }
            out[2 * i + 1] = (byte) Math.round(u / 2);
            out[2 * i + 3] = (byte) Math.round(v / 2);
        }
        return out;
    }

    @Test
    void theIntegerOpponentChannelsEqualTheOldFloatPathWithinAQuarterPercent() throws Exception {
        for (Picture p : pictures()) {
            for (PixelFormat f : new PixelFormat[] {PixelFormat.YUYV, PixelFormat.RGB24, PixelFormat.GRAY8}) {
                V1.Settings s = settings(p, f, true);
                s.opponent = true;
                V1 v1 = new V1(s);
                byte[] fr = f == PixelFormat.YUYV ? yuyvWithChroma(p) : frame(p, f);
                float[] l = new float[v1.areaSize()], r = new float[v1.areaSize()];
                float[] lf = new float[v1.areaSize()], rf = new float[v1.areaSize()];
                v1.process(fr, l, r);
                v1.processFloat(fr, lf, rf);
                int cells = s.rings * s.sectors;
                double worst = 0, energy = 0;
                for (int i = cells; i < 3 * cells; i++) {
                    worst = Math.max(worst, Math.max(Math.abs(l[i] - lf[i]), Math.abs(r[i] - rf[i])));
                    energy += lf[i] * lf[i] + rf[i] * rf[i];
                }
                System.out.printf("opponent, integer vs float, %s %s: worst %.2e (range [-1, 1]), RMS %.3f%n",
                        p.name(), f, worst, Math.sqrt(energy / (4 * cells)));
                assertThat(worst).as("%s %s", p.name(), f).isLessThanOrEqualTo(0.005);
                if (f != PixelFormat.GRAY8 && p.name().startsWith("scene")) assertThat(energy).isGreaterThan(0.01 * cells); // a colourful picture
            }
        }
    }

    @Test
    void aFlatFrameGivesExactlyZeroInEveryCellOfBothKinds() {
        for (boolean eccentric : new boolean[] {false, true}) {
            for (PixelFormat f : new PixelFormat[] {PixelFormat.YUYV, PixelFormat.GRAY8, PixelFormat.RGB24}) {
                Picture p = new Picture("flat", 160, 120, new byte[3 * 160 * 120]);
                java.util.Arrays.fill(p.rgb(), (byte) 201);
                V1 v1 = new V1(settings(p, f, eccentric));
                float[] l = new float[v1.areaSize()], r = new float[v1.areaSize()];
                v1.process(frame(p, f), l, r);
                for (int i = 0; i < l.length; i++) {
                    assertThat(l[i]).isZero();
                    assertThat(r[i]).isZero();
                }
            }
        }
    }

    /** Reflect-101 for any index, written out: bounce between 0 and n - 1. */
    static int bounce(int i, int n) {
        while (i < 0 || i >= n) i = i < 0 ? -i : 2 * (n - 1) - i;
        return i;
    }

    @Test
    void anEccentricCellIsTheBoxFilteredDilatedDogInDouble() {
        Picture p = scene(160, 120, 9);
        V1.Settings s = settings(p, PixelFormat.RGB24, true);
        V1 v1 = new V1(s);
        float[] l = new float[v1.areaSize()], r = new float[v1.areaSize()];
        v1.process(p.rgb(), l, r);
        byte[] y = frame(p, PixelFormat.GRAY8);
        int w = p.w(), h = p.h(), rad = s.radiusPx;
        double[] gc = gauss(s.centerSigmaPx, rad), gs = gauss(s.surroundSigmaPx, rad);
        double maxR = PolarMap.defaultMaxRadius(w, h);
        int checked = 0;
        for (int side = 0; side < 2; side++) {
            PolarMap map = side == 0 ? v1.leftMap() : v1.rightMap();
            float[] area = side == 0 ? l : r;
            ReceptiveFields rf = side == 0 ? v1.leftFields() : v1.rightFields();
            for (int sec = 0; sec < s.sectors; sec++) {
                for (int k = 0; k < s.rings; k++) {
                    int c = sec * s.rings + k;
                    int m = ReceptiveFields.dilationOfRing(k, s.rings, s.sectors, s.foveaRadiusPx, maxR, true, s.centerSigmaPx);
                    assertThat(rf.dilation(c)).isEqualTo(m);
                    if (m == 1) continue;
                    double sx = map.sourceX(sec, k), sy = map.sourceY(sec, k);
                    if (sx < -0.5 || sx >= w - 0.5 || sy < -0.5 || sy >= h - 0.5) {
                        assertThat(area[c]).isZero();
                        continue;
                    }
                    int cx = (int) Math.floor(sx - (m - 1) / 2.0 + 0.5), cy = (int) Math.floor(sy - (m - 1) / 2.0 + 0.5);
                    double sum = 0;
                    for (int dy = -rad; dy <= rad; dy++) {
                        for (int dx = -rad; dx <= rad; dx++) {
                            double kk = gc[Math.abs(dx)] * gc[Math.abs(dy)] - gs[Math.abs(dx)] * gs[Math.abs(dy)];
                            for (int yy = 0; yy < m; yy++) {
                                for (int xx = 0; xx < m; xx++) {
                                    int px = bounce(cx + dx * m + xx, w), py = bounce(cy + dy * m + yy, h);
                                    sum += kk / (m * m) * (y[py * w + px] & 0xff) / 255.0;
                                }
                            }
                        }
                    }
                    assertThat((double) area[c]).as("cell %d,%d (m %d)", sec, k, m).isCloseTo(sum, within(2e-4));
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(100);
    }

    private static double[] gauss(double sigma, int r) {
        float[] f = Dog.halfKernel(sigma, r); // the same float taps as the DoG (DogTest checks them)
        double[] d = new double[r + 1];
        for (int i = 0; i <= r; i++) d[i] = f[i];
        return d;
    }

    @Test
    void fieldsWidenWithEccentricityAndTheirTapsStayBounded() {
        V1 v1 = new V1(settings(scene(160, 120, 1), PixelFormat.YUYV, true));
        ReceptiveFields rf = v1.leftFields();
        int rings = 16;
        int last = 0;
        for (int k = 0; k < rings; k++) {
            int m = rf.dilation(8 * rings + k);
            assertThat(m).isGreaterThanOrEqualTo(last);
            last = m;
        }
        assertThat(rf.dilation(8 * rings)).isEqualTo(1);      // the fovea is sharp
        assertThat(last).isGreaterThanOrEqualTo(6);           // the periphery pools
        int side = 2 * 4 + 2;
        // (2r+2)^2 corners, more where a box is cut by the frame's border and reflected.
        assertThat(rf.maxTaps()).isLessThanOrEqualTo(2 * side * side);
        V1 fixed = new V1(settings(scene(160, 120, 1), PixelFormat.YUYV, false));
        assertThat(fixed.leftFields().maxTaps()).isLessThanOrEqualTo(side * side);
    }

    /**
     * A grating finer than the peripheral cells' spacing: the fixed fields sample it sparsely and
     * alias (their responses stay large and jump as the grating shifts by a pixel); the eccentric
     * fields pool it away. Measured as the RMS change of the peripheral cells (dilation >= 4)
     * when the grating moves one pixel, relative to the RMS of the fovea's cells.
     */
    @Test
    void eccentricFieldsDoNotAliasAFineGrating() {
        double[] ratio = new double[2];
        for (int e = 0; e < 2; e++) {
            boolean eccentric = e == 1;
            Picture a = grating(160, 120, 3.1, 0), b = grating(160, 120, 3.1, 1);
            V1 v1 = new V1(settings(a, PixelFormat.GRAY8, eccentric));
            ReceptiveFields ecc = new V1(settings(a, PixelFormat.GRAY8, true)).leftFields();
            float[] la = new float[v1.areaSize()], ra = new float[v1.areaSize()];
            float[] lb = new float[v1.areaSize()], rb = new float[v1.areaSize()];
            v1.process(frame(a, PixelFormat.GRAY8), la, ra);
            v1.process(frame(b, PixelFormat.GRAY8), lb, rb);
            double per = 0, fov = 0;
            int np = 0, nf = 0;
            for (int c = 0; c < la.length; c++) {
                int m = ecc.dilation(c);
                double d = la[c] - lb[c];
                if (m >= 4) { per += d * d; np++; }
                if (m == 1) { fov += la[c] * la[c]; nf++; }
            }
            ratio[e] = Math.sqrt(per / np) / Math.sqrt(fov / nf);
            System.out.printf("%s: peripheral change / foveal response = %.4f%n", eccentric ? "eccentric" : "fixed", ratio[e]);
        }
        assertThat(ratio[0]).isGreaterThan(0.2);
        assertThat(ratio[1]).isLessThan(ratio[0] / 10);
    }

    static Picture grating(int w, int h, double periodPx, int shift) {
        byte[] rgb = new byte[3 * w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = (int) Math.round(128 + 100 * Math.sin(2 * Math.PI * (x + shift + 0.7 * y) / periodPx));
                for (int c = 0; c < 3; c++) rgb[3 * (y * w + x) + c] = (byte) v;
            }
        }
        return new Picture("grating", w, h, rgb);
    }

    @Test
    void reflectedRunsCoverTheMirroredPixelsWithTheirMultiplicity() {
        int n = 7;
        int[] lo = new int[16], hi = new int[16];
        for (int a = -20; a < 20; a++) {
            for (int len = 1; len < 25; len++) {
                int[] expected = new int[n];
                for (int i = a; i < a + len; i++) expected[bounce(i, n)]++;
                int runs = ReceptiveFields.reflectedRuns(a, len, n, lo, hi);
                int[] got = new int[n];
                for (int k = 0; k < runs; k++) for (int i = lo[k]; i < hi[k]; i++) got[i]++;
                assertThat(got).as("a %d len %d", a, len).containsExactly(expected);
            }
        }
    }

    @Test
    void theBackwardLutIsBuiltOnlyWhenTheGridIsDrawn() {
        V1 v1 = new V1(settings(scene(160, 120, 1), PixelFormat.YUYV, true));
        assertThat(v1.leftMap().hasBackwardLut()).isFalse();
        assertThat(v1.rightMap().hasBackwardLut()).isFalse();
        v1.leftMap().drawGrid(new float[160 * 120]);
        assertThat(v1.leftMap().hasBackwardLut()).isTrue();
    }

    @Test
    void theHemifieldLumaIsTheMeanOfTheIntegerLumaOfEachHalf() {
        for (PixelFormat f : new PixelFormat[] {PixelFormat.YUYV, PixelFormat.GRAY8, PixelFormat.RGB24}) {
            int w = f == PixelFormat.YUYV ? 162 : 161; // odd: the middle column is the right half's
            int half = w / 2;
            Picture p = scene(w, 120, 3);
            V1 v1 = new V1(settings(p, f, true));
            org.ev3cortex.body.Snapshot snap = new org.ev3cortex.body.Snapshot(f.frameBytes(w, 120), 0, 0, 0);
            System.arraycopy(frame(p, f), 0, snap.frame, 0, snap.frame.length);
            snap.frameReading.sequence = 1;
            org.ev3cortex.seam.TickData td = new org.ev3cortex.seam.TickData(snap, new org.ev3cortex.seam.MotorCommands(0));
            v1.update(td);
            double left = 0, right = 0;
            for (int y = 0; y < 120; y++) {
                for (int x = 0; x < w; x++) {
                    int i = 3 * (y * w + x);
                    // BT.601 in double: the integer luma is within half a grey level of it
                    double lum = 0.299 * (p.rgb()[i] & 0xff) + 0.587 * (p.rgb()[i + 1] & 0xff) + 0.114 * (p.rgb()[i + 2] & 0xff);
                    if (x < half) left += lum; else right += lum;
                }
            }
            assertThat(td.percepts().lumaLeft()).as("%s", f).isCloseTo(left / (half * 120 * 255.0), within(0.6 / 255));
            assertThat(td.percepts().lumaRight()).as("%s", f).isCloseTo(right / ((w - half) * 120 * 255.0), within(0.6 / 255));
        }
    }
}
