package org.ev3cortex.sim.bench;

import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.ev3cortex.v1.Dog;
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
 * Our DoG against OpenCV's {@code GaussianBlur} twice plus {@code subtract}, on the same float
 * plane with the same kernels (9 taps, sigma 1 and 2, the default config) and the same border
 * (reflect-101); OpenCV on one thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DogBench {
    @Param({"160x120", "640x480"})
    public String size;

    private float[] plane;
    private float[] out;
    private Dog dog;
    private Mat src;
    private Mat centre;
    private Mat surround;
    private Mat dst;
    private Size ksize;

    @Setup
    public void setUp() {
        opencv_core.setNumThreads(1);
        int w = BenchImages.width(size), h = BenchImages.height(size);
        plane = BenchImages.toFloat(BenchImages.scene(w, h), 1f / 255);
        out = new float[w * h];
        dog = new Dog(w, h, 1.0, 2.0, 4);
        src = new Mat(h, w, opencv_core.CV_32FC1);
        new FloatPointer(src.data()).put(plane);
        centre = new Mat(h, w, opencv_core.CV_32FC1);
        surround = new Mat(h, w, opencv_core.CV_32FC1);
        dst = new Mat(h, w, opencv_core.CV_32FC1);
        ksize = new Size(9, 9);
    }

    @TearDown
    public void tearDown() {
        src.close();
        centre.close();
        surround.close();
        dst.close();
        ksize.close();
    }

    @Benchmark
    public float[] ours() {
        dog.apply(plane, out);
        return out;
    }

    @Benchmark
    public Mat opencv() {
        opencv_imgproc.GaussianBlur(src, centre, ksize, 1.0, 1.0, opencv_core.BORDER_REFLECT_101, opencv_core.ALGO_HINT_DEFAULT);
        opencv_imgproc.GaussianBlur(src, surround, ksize, 2.0, 2.0, opencv_core.BORDER_REFLECT_101, opencv_core.ALGO_HINT_DEFAULT);
        opencv_core.subtract(centre, surround, dst);
        return dst;
    }
}
