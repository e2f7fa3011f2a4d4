package org.ev3cortex.sim.desktop;

import org.ev3cortex.body.Battery;
import org.ev3cortex.body.Body;
import org.ev3cortex.body.BodyKeys;
import org.ev3cortex.body.Camera;
import org.ev3cortex.body.Clock;
import org.ev3cortex.body.LoopbackBody;
import org.ev3cortex.body.Microphone;
import org.ev3cortex.body.Motors;
import org.ev3cortex.body.OshiSystemStats;
import org.ev3cortex.body.PixelFormat;
import org.ev3cortex.body.SystemClock;
import org.ev3cortex.body.SystemStats;
import org.ev3cortex.body.Touch;
import org.ev3cortex.config.Config;

/**
 * The agent on a laptop: real senses (a webcam and microphone, or video and audio files) on the
 * real clock, with loopback motors that simply do as they are told, since a laptop has no wheels.
 */
public final class LaptopBody implements Body {
    private final LoopbackBody loopback;
    private final VideoCamera camera;
    private final AudioMic mic;
    private final SystemStats stats;

    public LaptopBody(Config c, MediaSpec cameraSpec, MediaSpec micSpec) {
        Clock clock = SystemClock.INSTANCE;
        loopback = new LoopbackBody(clock, BodyKeys.motorPorts(c), BodyKeys.touchPorts(c));
        camera = cameraSpec == null ? null : new VideoCamera(cameraSpec, c.get(BodyKeys.CAMERA_WIDTH),
                c.get(BodyKeys.CAMERA_HEIGHT), BodyKeys.cameraFormat(c), clock);
        mic = micSpec == null ? null : new AudioMic(micSpec, c.get(BodyKeys.MIC_RATE_HZ), c.get(BodyKeys.MIC_CHANNELS),
                c.get(BodyKeys.MIC_RING_SAMPLES), clock);
        stats = new OshiSystemStats(clock, 1_000);
    }

    @Override public Camera camera() { return camera; }
    @Override public Microphone microphone() { return mic; }
    @Override public Motors motors() { return loopback.motors(); }
    /** A laptop has no brick battery: a nominal, full one, so the battery guard never trips. */
    @Override public Battery battery() { return loopback.battery(); }
    @Override public SystemStats systemStats() { return stats; }
    @Override public Touch touch() { return loopback.touch(); }
    @Override public Clock clock() { return SystemClock.INSTANCE; }

    @Override
    public String describe() {
        return "laptop (" + (camera == null ? "no camera" : camera.name()) + ", " + (mic == null ? "no mic" : mic.name())
                + ", loopback motors)";
    }

    @Override
    public void close() {
        loopback.close();
        if (camera != null) camera.close();
        if (mic != null) mic.close();
        stats.close();
    }
}
