package org.ev3cortex.robot.media;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ev3cortex.body.Camera;
import org.ev3cortex.body.Clock;
import org.ev3cortex.body.PixelFormat;
import org.ev3cortex.body.ThreadedSource;

/**
 * The brick's camera: a subprocess (ffmpeg reading v4l2 by default; JavaCV has no armel build)
 * writing raw frames to stdout, read whole into a reused buffer. When the command ends or
 * crashes, the source shows FAILED and restarts it with back-off.
 */
public final class CommandCamera extends ThreadedSource<byte[]> implements Camera {
    private final int width;
    private final int height;
    private final PixelFormat format;
    private final int frameBytes;
    private final ChildProcess child;
    private int filled; // bytes of the frame being polled in (shared capture thread)

    /**
     * @param framesPerSecond what the loop consumes ({@code {fps}} in the command): asking the
     *                        camera for more only loads the brick's USB 1.1 port and CPU
     */
    public CommandCamera(String commandLine, int width, int height, PixelFormat format, int framesPerSecond,
                         Clock clock, long minBackoffMs, long maxBackoffMs) {
        super("camera", clock, minBackoffMs, maxBackoffMs);
        this.width = width;
        this.height = height;
        this.format = format;
        this.frameBytes = format.frameBytes(width, height);
        this.child = new ChildProcess(CommandLine.parse(commandLine, Map.of(
                "width", Integer.toString(width),
                "height", Integer.toString(height),
                "pixfmt", ffmpegPixelFormat(format),
                "fps", Integer.toString(framesPerSecond))));
    }

    static String ffmpegPixelFormat(PixelFormat f) {
        switch (f) {
            case YUYV: return "yuyv422";
            case RGB24: return "rgb24";
            case GRAY8: return "gray";
            default: return f.name().toLowerCase(Locale.ROOT);
        }
    }

    public List<String> command() {
        return child.command();
    }

    /** The running command's pid, or -1. */
    public long pid() {
        return child.pid();
    }

    @Override public int width() { return width; }
    @Override public int height() { return height; }
    @Override public PixelFormat format() { return format; }

    @Override
    protected byte[] newBuffer() {
        return new byte[frameBytes];
    }

    @Override
    protected void copy(byte[] src, byte[] dst) {
        System.arraycopy(src, 0, dst, 0, frameBytes);
    }

    @Override
    protected void openDevice() throws Exception {
        filled = 0;
        child.start();
    }

    @Override
    protected void capture(byte[] into) throws Exception {
        child.readFully(into, 0, frameBytes);
    }

    @Override
    protected boolean pollable() {
        return true;
    }

    /** Whatever of the frame the pipe holds; true once the frame is whole. */
    @Override
    protected boolean poll(byte[] into) throws Exception {
        filled = child.fillAvailable(into, filled);
        if (filled < frameBytes) return false;
        filled = 0;
        return true;
    }

    @Override
    protected void closeDevice() {
        child.destroy();
    }
}
