package org.ev3cortex.sim.tools.predict;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.ev3cortex.body.PixelFormat;
import org.ev3cortex.config.Config;
import org.ev3cortex.cortex.Area;
import org.ev3cortex.cortex.Sheet;
import org.ev3cortex.seam.LoopKeys;
import org.ev3cortex.v1.V1;

/**
 * {@code --stream video}: a video file through the whole V1 pathway, as the agent would see it
 * from a camera. FFmpeg scales each frame to the camera size of the config ({@code camera.width}
 * × {@code camera.height}) as 8-bit luma; one frame is kept per loop period ({@code agent.periodMs})
 * by its timestamp, as a camera asked for the loop's frame rate delivers them. The clip is
 * decoded once, up front, then played in a loop.
 */
final class VideoFrames implements Streams.Stream {
    /** At most this many frames are kept (30 min at 10 Hz of 160×120 is 346 MB): the clip then loops. */
    static final int MAX_FRAMES = 18_000;

    private final List<byte[]> frames;
    private final V1 v1;
    private final float[] left;
    private final float[] right;
    private final int areaW;
    private final int areaH;

    private VideoFrames(List<byte[]> frames, V1 v1, V1.Settings s) {
        this.frames = frames;
        this.v1 = v1;
        this.left = new float[v1.areaSize()];
        this.right = new float[v1.areaSize()];
        int[] shape = s.areaShape();
        this.areaW = shape[0];
        this.areaH = shape[1];
    }

    static VideoFrames read(Path file, Config config) throws IOException {
        if (!Files.isRegularFile(file)) throw new NoSuchFileException(file.toString());
        V1.Settings s = V1.Settings.of(config);
        s.format = PixelFormat.GRAY8;
        V1 v1 = new V1(s);
        long periodUs = config.get(LoopKeys.PERIOD_MS) * 1000L;
        List<byte[]> frames = new ArrayList<>();
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile())) {
            g.setImageWidth(s.width);
            g.setImageHeight(s.height);
            g.setPixelFormat(avutil.AV_PIX_FMT_GRAY8);
            g.start();
            long due = Long.MIN_VALUE;
            Frame f;
            while (frames.size() < MAX_FRAMES && (f = g.grabImage()) != null) {
                long ts = g.getTimestamp();
                if (due != Long.MIN_VALUE && ts < due) continue;
                due = (due == Long.MIN_VALUE ? ts : due) + periodUs;
                byte[] luma = new byte[s.width * s.height];
                ByteBuffer b = (ByteBuffer) f.image[0];
                int stride = Math.max(s.width, f.imageStride);
                for (int y = 0; y < s.height; y++) {
                    b.position(y * stride);
                    b.get(luma, y * s.width, s.width);
                }
                frames.add(luma);
            }
            g.stop();
        } catch (FFmpegFrameGrabber.Exception e) {
            throw new IOException(file + ": not a video FFmpeg can read (" + e.getMessage() + ")", e);
        }
        if (frames.isEmpty()) throw new IOException(file + " holds no video frames");
        return new VideoFrames(frames, v1, s);
    }

    int frames() {
        return frames.size();
    }

    @Override
    public List<String> areas() {
        return List.of(Area.V1_L, Area.V1_R);
    }

    @Override
    public void feed(int t, Sheet sheet) {
        v1.process(frames.get(t % frames.size()), left, right);
        sheet.input(Area.V1_L, left, areaW, areaH);
        sheet.input(Area.V1_R, right, areaW, areaH);
    }
}
