package org.ev3cortex.sim.tools;

import java.nio.file.Path;
import org.ev3cortex.body.PixelFormat;
import org.ev3cortex.config.Config;
import org.ev3cortex.v1.PolarMap;
import org.ev3cortex.v1.PolarMap.Hemisphere;
import org.ev3cortex.v1.V1;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tools v1}: what V1 makes of an image, every stage as .npy and .png. */
@Command(name = "v1", mixinStandardHelpOptions = true,
        header = "Run the visual pathway on an image; write each stage as .npy and PNG.",
        description = {"Run the visual pathway on an image and write each stage as float32 .npy plus a PNG.",
                "Native mode: luma, dog, hemifield_left/right (the frame's halves), polar_left/right and",
                "logpolar_left/right (the V1-L/V1-R areas: V1-L sees the right half), area_left/right (what",
                "the sheet gets, per v1.map) and overlay (the grid of v1.map over the frame).",
                "--opencv-compatible: warpPolar's semantics on the whole grey frame instead: gray, polar or",
                "logpolar (rounded grey levels, like warpPolar's 8-bit output) and overlay. See docs/pathways.md."})
public final class V1Tool extends FileTool {

    @Option(names = "--in", required = true, paramLabel = "IMAGE", description = "PNG, JPEG, BMP or GIF.")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (created).")
    Path outDir;

    @Option(names = "--opencv-compatible", description = "Polar maps with cv::warpPolar's semantics on the whole frame.")
    boolean openCv;

    @Option(names = "--center", paramLabel = "X,Y", split = ",",
            description = "warpPolar centre in pixel coordinates (default: width/2, height/2).")
    double[] center;

    @Option(names = "--max-radius", paramLabel = "R", description = "warpPolar maxRadius in px (default: half the diagonal).")
    Double maxRadius;

    @Option(names = "--log", description = "WARP_POLAR_LOG instead of WARP_POLAR_LINEAR.")
    boolean log;

    @Option(names = "--cols", paramLabel = "N", description = "warpPolar dsize.width, radius steps (default: round(maxRadius)).")
    Integer cols;

    @Option(names = "--rows", paramLabel = "N", description = "warpPolar dsize.height, angle steps (default: round(maxRadius * pi)).")
    Integer rows;

    @Override
    void run(Config config) throws Exception {
        String outProblem = org.ev3cortex.sim.OutputDirs.problem(outDir, "--out");
        if (outProblem != null) throw new BadInputException(outProblem);
        Media.Image img = Media.readImage(in);
        if (openCv) {
            runOpenCv(img);
            return;
        }
        if (center != null || maxRadius != null || log || cols != null || rows != null) {
            throw new BadInputException("--center, --max-radius, --log, --rows and --cols need --opencv-compatible;"
                    + " native maps take v1.* keys (--set v1.maxRadiusPx=60)");
        }
        V1.Settings s = V1.Settings.of(config);
        s.width = img.width();
        s.height = img.height();
        s.format = PixelFormat.RGB24;
        V1 v1;
        try {
            v1 = new V1(s);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(in + ": " + e.getMessage(), e);
        }
        float[] left = new float[v1.areaSize()];
        float[] right = new float[v1.areaSize()];
        v1.process(img.rgb(), left, right);
        int w = s.width, h = s.height;
        write("luma", v1.luma(), w, h);
        write("dog", v1.dog(), w, h);
        int half = w / 2; // columns x < w/2 are the left visual field (see PolarMap.hemifield)
        write("hemifield_left", crop(v1.dog(), w, h, 0, half), half, h);
        write("hemifield_right", crop(v1.dog(), w, h, half, w), w - half, h);
        for (boolean logMap : new boolean[] {false, true}) {
            String prefix = logMap ? "logpolar_" : "polar_";
            for (Hemisphere side : Hemisphere.values()) {
                PolarMap m = PolarMap.hemifield(w, h, side, s.rings, s.sectors, s.foveaRadiusPx, s.maxRadiusPx, logMap);
                float[] area = new float[m.size()];
                m.remap(v1.dog(), area, 0);
                write(prefix + side.name().toLowerCase(java.util.Locale.ROOT), area, m.cols(), m.rows());
            }
        }
        if (s.opponent) {
            write("red_green", v1.redGreen(), w, h);
            write("blue_yellow", v1.blueYellow(), w, h);
        }
        Npy.write(outDir.resolve("area_left.npy"), left, v1.channels(), s.sectors, s.rings);
        Npy.write(outDir.resolve("area_right.npy"), right, v1.channels(), s.sectors, s.rings);
        float[] mask = new float[w * h];
        v1.leftMap().drawGrid(mask);
        v1.rightMap().drawGrid(mask);
        Npy.write(outDir.resolve("overlay.npy"), mask, h, w);
        Pictures.overlay(outDir.resolve("overlay.png"), v1.luma(), mask, w, h);
        out.printf("v1: %s (%dx%d) -> %s: %d rings x %d sectors per hemisphere, %s, DoG sigma %.2f/%.2f px r=%d%n",
                in, w, h, outDir, s.rings, s.sectors, s.log ? "logpolar" : "linearpolar",
                s.centerSigmaPx, s.surroundSigmaPx, s.radiusPx);
    }

    private void runOpenCv(Media.Image img) throws Exception {
        int w = img.width(), h = img.height();
        if (w < 2 || h < 2) throw new BadInputException(in + " is " + w + "x" + h + "; the polar map needs at least 2x2");
        double cx = w / 2.0, cy = h / 2.0;
        if (center != null) {
            if (center.length != 2) throw new BadInputException("--center takes X,Y");
            cx = center[0];
            cy = center[1];
        }
        double maxR = maxRadius != null ? maxRadius : Math.hypot(w, h) / 2;
        if (!(maxR > (log ? 1 : 0))) throw new BadInputException("--max-radius must be > " + (log ? 1 : 0) + ", got " + maxR);
        int c = cols != null ? cols : (int) Math.round(maxR);
        int r = rows != null ? rows : (int) Math.round(maxR * Math.PI);
        if (c < 1 || r < 1) throw new BadInputException("--rows and --cols must be >= 1");
        byte[] gray = img.gray();
        float[] g = new float[w * h];
        for (int i = 0; i < g.length; i++) g[i] = gray[i] & 0xff;
        PolarMap m = PolarMap.openCv(w, h, cx, cy, maxR, r, c, log, true);
        float[] polar = new float[m.size()];
        m.remap(g, polar, 0);
        for (int i = 0; i < polar.length; i++) polar[i] = Math.round(polar[i]); // 8-bit output, like warpPolar on CV_8U
        write("gray", g, w, h);
        write(log ? "logpolar" : "polar", polar, c, r);
        float[] mask = new float[w * h];
        m.drawGrid(mask);
        Npy.write(outDir.resolve("overlay.npy"), mask, h, w);
        float[] luma = new float[w * h];
        for (int i = 0; i < luma.length; i++) luma[i] = g[i] / 255f;
        Pictures.overlay(outDir.resolve("overlay.png"), luma, mask, w, h);
        out.printf("v1 (OpenCV-compatible): %s (%dx%d) -> %s: warpPolar(dsize=%dx%d, center=(%s,%s), maxRadius=%s, %s)%n",
                in, w, h, outDir, c, r, cx, cy, maxR, log ? "WARP_POLAR_LOG" : "WARP_POLAR_LINEAR");
    }

    private void write(String name, float[] v, int w, int h) throws Exception {
        Npy.write(outDir.resolve(name + ".npy"), v, h, w);
        Pictures.grey(outDir.resolve(name + ".png"), v, w, h);
    }

    private static float[] crop(float[] v, int w, int h, int x0, int x1) {
        int cw = x1 - x0;
        float[] c = new float[cw * h];
        for (int y = 0; y < h; y++) System.arraycopy(v, y * w + x0, c, y * cw, cw);
        return c;
    }
}
