package org.ev3cortex.body;

/**
 * Takes one snapshot of every sense per tick: the newest camera frame, the newest audio window,
 * motor states, touch, battery and system stats, each copied into the snapshot's own buffers.
 * Sources run on their own threads; this only copies, so a tick never waits for a device. The
 * body starts and stops them ({@link Body#activate()}, {@link Body#deactivate}).
 */
public final class CombinedSource {
    private final Body body;
    private final int audioFrames;

    /**
     * @param audioFrames how many of the newest microphone frames each snapshot holds (the A1
     *                    window); ignored when the body has no microphone
     */
    public CombinedSource(Body body, int audioFrames) {
        this.body = body;
        this.audioFrames = audioFrames;
    }

    /** A snapshot sized for this body; allocate once, reuse every tick. */
    public Snapshot newSnapshot() {
        Camera cam = body.camera();
        Microphone mic = body.microphone();
        LegoSensors lego = body.sensors();
        return new Snapshot(cam == null ? 0 : cam.frameBytes(),
                mic == null ? 0 : audioFrames * mic.channels(),
                body.motors().count(), body.touch().count(),
                lego == null ? 0 : lego.ultrasonicCount(), lego == null ? 0 : lego.gyroCount(),
                lego == null ? 0 : lego.colorCount());
    }

    /** Fills {@code s} from every sense; no allocation. */
    public void read(Snapshot s) {
        s.nanos = body.clock().nanoTime();
        Camera cam = body.camera();
        if (cam != null) cam.read(s.frame, s.frameReading);
        Microphone mic = body.microphone();
        if (mic != null) mic.read(s.audio, s.audioReading);
        body.motors().read(s.motors);
        Touch touch = body.touch();
        for (int i = 0; i < s.touch.length; i++) s.touch[i] = touch.pressed(i);
        LegoSensors lego = body.sensors();
        if (lego != null) {
            for (int i = 0; i < s.distanceCm.length; i++) s.distanceCm[i] = lego.distanceCm(i);
            for (int i = 0; i < s.gyroAngleDeg.length; i++) {
                s.gyroAngleDeg[i] = lego.gyroAngleDeg(i);
                s.gyroRateDegPerSec[i] = lego.gyroRateDegPerSec(i);
            }
            for (int i = 0; i < s.colorPercent.length; i++) s.colorPercent[i] = lego.colorPercent(i);
        }        Battery battery = body.battery();
        s.batteryV = battery.voltageV();
        s.batteryA = battery.currentA();
        SystemStats stats = body.systemStats();
        if (stats != null) stats.read(s.stats, s.statsReading);
    }
}
