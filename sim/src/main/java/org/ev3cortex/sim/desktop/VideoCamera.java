package org.ev3cortex.sim.desktop;

import java.nio.ByteBuffer;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.ev3cortex.body.Camera;
import org.ev3cortex.body.Clock;
import org.ev3cortex.body.PixelFormat;
import org.ev3cortex.body.ThreadedSource;

/**
 * A laptop camera through JavaCV's FFmpeg grabber: a live webcam, or a video file played at its
 * own frame rate and looped. FFmpeg scales and converts to the configured size and pixel format
 * (YUYV like the brick's webcams, RGB24 or GRAY8), so the agent sees the same frames it would on
 * the brick.
 */
public final class VideoCamera extends ThreadedSource<byte[]> implements Camera {
    static {
        // FFmpeg prints every stream header to stderr by default; keep errors only.
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    }

    private final MediaSpec spec;
    private final int width;
    private final int height;
    private final PixelFormat format;
    private FFmpegFrameGrabber grabber;
    private long startWall;
    private long firstTimestampUs = -1;

    public VideoCamera(MediaSpec spec, int width, int height, PixelFormat format, Clock clock) {
        super(spec.isFile ? "camera " + spec.file.getFileName() : "webcam " + spec.deviceIndex, clock, 250, 5_000);
        this.spec = spec;
        this.width = width;
        this.height = height;
        this.format = format;
    }

    @Override public int width() { return width; }
    @Override public int height() { return height; }
    @Override public PixelFormat format() { return format; }

    @Override
    protected byte[] newBuffer() {
        return new byte[frameBytes()];
    }

    @Override
    protected void copy(byte[] src, byte[] dst) {
        System.arraycopy(src, 0, dst, 0, src.length);
    }

    @Override
    protected void openDevice() throws Exception {
        FFmpegFrameGrabber g;
        if (spec.isFile) {
            g = new FFmpegFrameGrabber(spec.file.toFile());
        } else {
            String[] in = spec.webcamInput();
            g = new FFmpegFrameGrabber(in[0]);
            g.setFormat(in[1]);
        }
        g.setImageWidth(width);
        g.setImageHeight(height);
        g.setPixelFormat(ffmpegFormat(format));
        g.start();
        grabber = g;
        startWall = System.nanoTime();
        firstTimestampUs = -1;
    }

    /** Opens the device, grabs one frame and closes it again: a failure here is a failure at start. */
    void probe() throws Exception {
        try {
            openDevice();
            capture(newBuffer());
        } finally {
            closeDevice();
        }
    }

    static int ffmpegFormat(PixelFormat f) {
        switch (f) {
            case YUYV: return avutil.AV_PIX_FMT_YUYV422;
            case RGB24: return avutil.AV_PIX_FMT_RGB24;
            default: return avutil.AV_PIX_FMT_GRAY8;
        }
    }

    @Override
    protected void capture(byte[] into) throws Exception {
        Frame f = grabber.grabImage();
        if (f == null) {
            if (!spec.isFile) throw new java.io.EOFException("webcam stream ended");
            // A file loops: back to the start, and restart the pacing clock.
            grabber.setTimestamp(0);
            startWall = System.nanoTime();
            firstTimestampUs = -1;
            f = grabber.grabImage();
            if (f == null) throw new java.io.EOFException(spec.file + " holds no video frames");
        }
        if (spec.isFile) pace(grabber.getTimestamp());
        ByteBuffer b = (ByteBuffer) f.image[0];
        int rowBytes = frameBytes() / height;
        int stride = Math.max(rowBytes, f.imageStride); // bytes per row, padded by FFmpeg
        for (int y = 0; y < height; y++) {
            b.position(y * stride);
            b.get(into, y * rowBytes, rowBytes);
        }
    }

    /** A file plays at its own rate: wait until this frame's timestamp is due. */
    private void pace(long timestampUs) throws InterruptedException {
        if (firstTimestampUs < 0) firstTimestampUs = timestampUs;
        long dueNanos = startWall + (timestampUs - firstTimestampUs) * 1_000;
        long wait = dueNanos - System.nanoTime();
        if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }

    @Override
    protected boolean closeUnblocksCapture() {
        return false; // FFmpeg must not be closed under a running grab; a grab returns within a frame
    }

    @Override
    protected void closeDevice() {
        FFmpegFrameGrabber g = grabber;
        grabber = null;
        if (g != null) {
            try {
                g.close();
            } catch (Exception e) {
                // Closing a grabber that failed to open can throw; nothing more to release.
            }
        }
    }
}
