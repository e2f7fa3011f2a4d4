package org.ev3cortex.sim.bench;

import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point2f;
import org.bytedeco.opencv.opencv_core.Size;
import org.ev3cortex.v1.PolarMap;
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
 * Our polar remap against {@code cv::warpPolar} on the same picture, same centre, radius and
 * output size (OpenCV's defaults: round(R) radius steps x round(R*pi) angle steps, R = half the
 * diagonal). OpenCV runs on one thread, like our kernel. {@code ours} is float in, float out
 * through the prebuilt LUT; {@code opencv8u} is warpPolar on the 8-bit frame (it rebuilds its
 * map each call, which is how it is used); {@code opencv32f} is warpPolar on the float plane.
 * {@code oursV1Areas} is the per-tick V1 cost: both 32x32 hemifield areas.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PolarBench {
    @Param({"160x120", "640x480"})
    public String size;

    @Param({"log", "linear"})
    public String map;

    private float[] plane;
    private float[] out;
    private PolarMap ours;
    private PolarMap left;
    private PolarMap right;
    private float[] area;
    private Mat src8u;
    private Mat src32f;
    private Mat dst8u;
    private Mat dst32f;
    private Size dsize;
    private Point2f centre;
    private double maxR;
    private int flags;

    @Setup
    public void setUp() {
        opencv_core.setNumThreads(1);
        int w = BenchImages.width(size), h = BenchImages.height(size);
        byte[] gray = BenchImages.scene(w, h);
        plane = BenchImages.toFloat(gray, 1f);
        boolean log = map.equals("log");
        maxR = Math.hypot(w, h) / 2;
        int cols = (int) Math.round(maxR), rows = (int) Math.round(maxR * Math.PI);
        ours = PolarMap.openCv(w, h, w / 2.0, h / 2.0, maxR, rows, cols, log, true);
        out = new float[ours.size()];
        left = PolarMap.hemifield(w, h, PolarMap.Hemisphere.LEFT, 32, 32, 4, 0, log);
        right = PolarMap.hemifield(w, h, PolarMap.Hemisphere.RIGHT, 32, 32, 4, 0, log);
        area = new float[left.size()];
        src8u = new Mat(h, w, opencv_core.CV_8UC1);
        src8u.data().put(gray);
        src32f = new Mat(h, w, opencv_core.CV_32FC1);
        new FloatPointer(src32f.data()).put(plane);
        dst8u = new Mat(rows, cols, opencv_core.CV_8UC1);
        dst32f = new Mat(rows, cols, opencv_core.CV_32FC1);
        dsize = new Size(cols, rows);
        centre = new Point2f(w / 2f, h / 2f);
        flags = opencv_imgproc.INTER_LINEAR | (log ? opencv_imgproc.WARP_POLAR_LOG : opencv_imgproc.WARP_POLAR_LINEAR);
    }

    @TearDown
    public void tearDown() {
        src8u.close();
        src32f.close();
        dst8u.close();
        dst32f.close();
        dsize.close();
        centre.close();
    }

    @Benchmark
    public float[] ours() {
        ours.remap(plane, out, 0);
        return out;
    }

    @Benchmark
    public Mat opencv8u() {
        opencv_imgproc.warpPolar(src8u, dst8u, dsize, centre, maxR, flags);
        return dst8u;
    }

    @Benchmark
    public Mat opencv32f() {
        opencv_imgproc.warpPolar(src32f, dst32f, dsize, centre, maxR, flags);
        return dst32f;
    }

    @Benchmark
    public float[] oursV1Areas() {
        left.remap(plane, area, 0);
        right.remap(plane, area, 0);
        return area;
    }
}
