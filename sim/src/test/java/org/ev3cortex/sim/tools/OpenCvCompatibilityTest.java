package org.ev3cortex.sim.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point2f;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.ev3cortex.sim.SimMain;
import org.ev3cortex.v1.PolarMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Our OpenCV-compatible polar maps against cv::warpPolar itself, run through JavaCV. */
class OpenCvCompatibilityTest {
    @TempDir
    Path dir;

    /** warpPolar into a zeroed 8-bit Mat (it leaves cells whose source is outside untouched). */
    static byte[] warpPolar(byte[] gray, int w, int h, double cx, double cy, double maxR, int rows, int cols, boolean log) {
        try (Mat src = TestImages.gray(gray, w, h);
             Mat dst = new Mat(rows, cols, opencv_core.CV_8UC1, new Scalar(0.0));
             Size size = new Size(cols, rows);
             Point2f centre = new Point2f((float) cx, (float) cy)) {
            int flags = opencv_imgproc.INTER_LINEAR | (log ? opencv_imgproc.WARP_POLAR_LOG : opencv_imgproc.WARP_POLAR_LINEAR);
            opencv_imgproc.warpPolar(src, dst, size, centre, maxR, flags);
            return TestImages.bytes(dst);
        }
    }

    static double agreement(byte[] theirs, float[] ours) {
        return agreement(theirs, ours, 1);
    }

    /** The fraction of cells whose rounded value is within {@code levels} grey levels of OpenCV's. */
    static double agreement(byte[] theirs, float[] ours, int levels) {
        int ok = 0;
        for (int i = 0; i < ours.length; i++) if (Math.abs(Math.round(ours[i]) - (theirs[i] & 0xff)) <= levels) ok++;
        return ok / (double) ours.length;
    }

    @ParameterizedTest(name = "{0}x{1} log={2} centre=({3},{4}) maxR={5}")
    @CsvSource({
            "160, 120, false, 80, 60, 100",
            "160, 120, true, 80, 60, 100",
            "160, 120, true, 61.3, 47.8, 70",
            "640, 480, false, 320, 240, 400",
            "640, 480, true, 320, 240, 400",
            "640, 480, true, 250.5, 300.25, 220"})
    void ourMapsMatchWarpPolarWithinOneGreyLevel(int w, int h, boolean log, double cx, double cy, double maxR) {
        byte[] img = TestImages.scene(w, h, w * 31L + h);
        int cols = (int) Math.round(maxR);
        int rows = (int) Math.round(maxR * Math.PI);
        byte[] theirs = warpPolar(img, w, h, cx, cy, maxR, rows, cols, log);
        float[] g = new float[w * h];
        for (int i = 0; i < g.length; i++) g[i] = img[i] & 0xff;
        float[] ours = new float[rows * cols];
        PolarMap.openCv(w, h, cx, cy, maxR, rows, cols, log, true).remap(g, ours, 0);
        double agree = agreement(theirs, ours);
        System.out.printf("warpPolar %dx%d log=%s: %.4f of %d cells within 1 grey level, %.4f equal%n",
                w, h, log, agree, ours.length, agreement(theirs, ours, 0));
        assertThat(agree).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void theToolsOpenCvCompatibleOutputMatchesWarpPolarOnAPngFile() throws Exception {
        int w = 160, h = 120;
        byte[] img = TestImages.scene(w, h, 5);
        Path png = dir.resolve("scene.png");
        TestImages.writePng(png, img, w, h);
        Path out = dir.resolve("out");
        int code = SimMain.commandLine().execute("tools", "v1", "--in", png.toString(), "--out", out.toString(),
                "--opencv-compatible", "--center", "70,55", "--max-radius", "80", "--log");
        assertThat(code).isZero();
        NpyReader polar = NpyReader.read(out.resolve("logpolar.npy"));
        assertThat(polar.shape).containsExactly(251, 80); // OpenCV's default dsize: round(R*pi) x round(R)
        byte[] theirs = warpPolar(img, w, h, 70, 55, 80, 251, 80, true);
        assertThat(agreement(theirs, polar.data)).isGreaterThanOrEqualTo(0.99);
        NpyReader gray = NpyReader.read(out.resolve("gray.npy"));
        for (int i = 0; i < img.length; i++) assertThat(gray.data[i]).isEqualTo((float) (img[i] & 0xff));
    }
}
