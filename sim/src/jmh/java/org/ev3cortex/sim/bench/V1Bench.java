package org.ev3cortex.sim.bench;

import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.ev3cortex.body.PixelFormat;
import org.ev3cortex.v1.PolarMap;
import org.ev3cortex.v1.V1;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * V1 on one YUYV frame into both areas (the default 16 x 16 cells each, DoG sigma 1 and 2, 9
 * taps): the integer receptive fields ({@code eccentric}, the default, and {@code fixed}), the
 * old float path ({@code floatPath}: float luma, full-frame DoG, bilinear remap), and OpenCV doing
 * the float path ({@code opencv}: YUYV to grey, to float, {@code GaussianBlur} twice,
 * {@code subtract}, {@code remap} of each area through our cells' source coordinates; one thread).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class V1Bench {
    @Param({"160x120", "640x480"})
    public String size;

    private byte[] frame;
    private V1 eccentric;
    private V1 fixed;
    private float[] left;
    private float[] right;
    private Mat yuyv;
    private Mat gray;
    private Mat plane;
    private Mat centre;
    private Mat surround;
    private Mat dog;
    private Mat[] mapX;
    private Mat[] mapY;
    private Mat[] area;
    private Size ksize;
    private Scalar zero;

    @Setup
    public void setUp() {
        opencv_core.setNumThreads(1);
        int w = BenchImages.width(size), h = BenchImages.height(size);
        byte[] g = BenchImages.scene(w, h);
        frame = new byte[2 * w * h];
        for (int i = 0; i < w * h; i++) {
            frame[2 * i] = g[i];
            frame[2 * i + 1] = (byte) 128;
        }
        V1.Settings s = new V1.Settings();
        s.width = w;
        s.height = h;
        s.format = PixelFormat.YUYV;
        s.rings = 16;
        s.sectors = 16;
        s.eccentric = true;
        eccentric = new V1(s);
        V1.Settings f = new V1.Settings();
        f.width = w;
        f.height = h;
        f.format = PixelFormat.YUYV;
        f.rings = 16;
        f.sectors = 16;
        f.eccentric = false;
        fixed = new V1(f);
        left = new float[fixed.areaSize()];
        right = new float[fixed.areaSize()];
        yuyv = new Mat(h, w, opencv_core.CV_8UC2);
        yuyv.data().put(frame);
        gray = new Mat(h, w, opencv_core.CV_8UC1);
        plane = new Mat(h, w, opencv_core.CV_32FC1);
        centre = new Mat(h, w, opencv_core.CV_32FC1);
        surround = new Mat(h, w, opencv_core.CV_32FC1);
        dog = new Mat(h, w, opencv_core.CV_32FC1);
        ksize = new Size(9, 9);
        zero = new Scalar(0.0);
        mapX = new Mat[2];
        mapY = new Mat[2];
        area = new Mat[2];
        PolarMap[] maps = {fixed.leftMap(), fixed.rightMap()};
        for (int k = 0; k < 2; k++) {
            PolarMap m = maps[k];
            float[] xs = new float[m.size()], ys = new float[m.size()];
            for (int r = 0; r < m.rows(); r++) {
                for (int c = 0; c < m.cols(); c++) {
                    xs[r * m.cols() + c] = m.sourceX(r, c);
                    ys[r * m.cols() + c] = m.sourceY(r, c);
                }
            }
            mapX[k] = new Mat(m.rows(), m.cols(), opencv_core.CV_32FC1);
            mapY[k] = new Mat(m.rows(), m.cols(), opencv_core.CV_32FC1);
            new FloatPointer(mapX[k].data()).put(xs);
            new FloatPointer(mapY[k].data()).put(ys);
            area[k] = new Mat(m.rows(), m.cols(), opencv_core.CV_32FC1);
        }
    }

    @TearDown
    public void tearDown() {
        for (Mat m : new Mat[] {yuyv, gray, plane, centre, surround, dog, mapX[0], mapX[1], mapY[0], mapY[1], area[0], area[1]}) m.close();
        ksize.close();
        zero.close();
    }

    @Benchmark
    public float[] eccentric() {
        eccentric.process(frame, left, right);
        return left;
    }

    @Benchmark
    public float[] fixed() {
        fixed.process(frame, left, right);
        return left;
    }

    @Benchmark
    public float[] floatPath() {
        fixed.processFloat(frame, left, right);
        return left;
    }

    @Benchmark
    public Mat opencv() {
        opencv_imgproc.cvtColor(yuyv, gray, opencv_imgproc.COLOR_YUV2GRAY_YUYV);
        gray.convertTo(plane, opencv_core.CV_32F, 1.0 / 255, 0);
        opencv_imgproc.GaussianBlur(plane, centre, ksize, 1.0, 1.0, opencv_core.BORDER_REFLECT_101, opencv_core.ALGO_HINT_DEFAULT);
        opencv_imgproc.GaussianBlur(plane, surround, ksize, 2.0, 2.0, opencv_core.BORDER_REFLECT_101, opencv_core.ALGO_HINT_DEFAULT);
        opencv_core.subtract(centre, surround, dog);
        for (int k = 0; k < 2; k++) {
            opencv_imgproc.remap(dog, area[k], mapX[k], mapY[k], opencv_imgproc.INTER_LINEAR, opencv_core.BORDER_CONSTANT, zero);
        }
        return area[1];
    }
}
