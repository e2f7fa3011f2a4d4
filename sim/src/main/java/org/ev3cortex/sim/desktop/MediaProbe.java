package org.ev3cortex.sim.desktop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.ev3cortex.body.BodyKeys;
import org.ev3cortex.body.SystemClock;
import org.ev3cortex.config.Config;

/**
 * Opens the laptop's camera and microphone once before the agent starts, so that a device that
 * cannot be opened is reported at start, in one line naming its likely cause, rather than after
 * the run as a stream of retries.
 */
public final class MediaProbe {
    private MediaProbe() {}

    /** Null when both open; else one line per sense that failed, with its likely cause. */
    public static String problem(Config c, MediaSpec camera, MediaSpec mic) {
        StringBuilder out = new StringBuilder();
        if (camera != null) {
            try {
                new VideoCamera(camera, c.get(BodyKeys.CAMERA_WIDTH), c.get(BodyKeys.CAMERA_HEIGHT),
                        BodyKeys.cameraFormat(c), SystemClock.INSTANCE).probe();
            } catch (Throwable t) {
                out.append("error: camera ").append(describe(camera, "camera")).append(" cannot be opened: ")
                        .append(cameraCause(camera, t)).append('\n');
            }
        }
        if (mic != null) {
            try {
                new AudioMic(mic, c.get(BodyKeys.MIC_RATE_HZ), c.get(BodyKeys.MIC_CHANNELS),
                        c.get(BodyKeys.MIC_RING_SAMPLES), SystemClock.INSTANCE).probe();
            } catch (Throwable t) {
                out.append("error: microphone ").append(describe(mic, "mic")).append(" cannot be opened: ")
                        .append(micCause(mic, t, c.get(BodyKeys.MIC_RATE_HZ), c.get(BodyKeys.MIC_CHANNELS)))
                        .append('\n');
            }
        }
        return out.length() == 0 ? null : out.toString();
    }

    private static String describe(MediaSpec s, String what) {
        if (s.isFile) return s.file.toString();
        return what.equals("camera") ? "webcam:" + s.deviceIndex : "default";
    }

    static String cameraCause(MediaSpec s, Throwable t) {
        String natives = nativeCause(t);
        if (natives != null) return natives;
        if (s.isFile) return "FFmpeg cannot read it as video (" + message(t) + ")";
        String[] in = s.webcamInput();
        if (in[1].equals("v4l2")) {
            Path dev = Paths.get(in[0]);
            if (!Files.exists(dev)) {
                return "there is no " + dev + ": is a webcam plugged in? (ls /dev/video* lists the cameras; "
                        + "webcam:N opens /dev/videoN)";
            }
            if (!Files.isReadable(dev)) {
                return "permission denied on " + dev + ": add yourself to group video "
                        + "(sudo usermod -aG video $USER, then log in again)";
            }
            return "FFmpeg could not open " + dev + " (" + message(t) + "): is another program using it, "
                    + "or is it not a capture device?";
        }
        return "FFmpeg's " + in[1] + " could not open camera " + in[0] + " (" + message(t)
                + "): is a camera connected, and does this program have permission to use it?";
    }

    static String micCause(MediaSpec s, Throwable t, int rateHz, int channels) {
        String natives = nativeCause(t);
        if (natives != null) return natives;
        if (s.isFile) return "FFmpeg cannot read it as audio (" + message(t) + ")";
        if (javax.sound.sampled.AudioSystem.getMixerInfo().length == 0) {
            return "Java sees no sound devices at all (" + message(t) + "): on Linux the JDK's sound needs "
                    + "ALSA (libasound2) and a sound card; is one present?";
        }
        return "no audio input line for " + rateHz + " Hz, " + channels + " channel(s), 16-bit (" + message(t)
                + "): is a microphone connected and enabled, and not held by another program? "
                + "(body.mic.channels=1 if it is mono)";
    }

    /** A JavaCV native that failed to load: a missing system library or another platform's jar. */
    private static String nativeCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof UnsatisfiedLinkError || c instanceof NoClassDefFoundError
                    || c instanceof ExceptionInInitializerError) {
                return "FFmpeg's native libraries failed to load (" + message(c) + "): this jar carries FFmpeg for "
                        + "the platform it was built on only (this is " + System.getProperty("os.name") + " "
                        + System.getProperty("os.arch") + "); rebuild it here, and if a system library is "
                        + "missing, ldd on the extracted .so files (in ~/.javacpp/cache) names it";
            }
        }
        return null;
    }

    private static String message(Throwable t) {
        String m = t.getMessage();
        if (m == null || m.isEmpty()) return t.getClass().getSimpleName();
        m = m.replace('\n', ' ').trim();
        return m.length() > 160 ? m.substring(0, 157) + "..." : m;
    }
}
