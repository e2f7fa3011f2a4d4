package org.ev3cortex.sim.desktop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;

/**
 * Where a laptop sense comes from: {@code webcam:N} / {@code default} (live devices) or
 * {@code file:PATH} (a video or wav file, looped).
 */
public final class MediaSpec {
    public final boolean isFile;
    public final Path file;
    public final int deviceIndex;

    private MediaSpec(boolean isFile, Path file, int deviceIndex) {
        this.isFile = isFile;
        this.file = file;
        this.deviceIndex = deviceIndex;
    }

    /** Parses {@code --camera}: {@code webcam:N} or {@code file:PATH}. */
    public static MediaSpec camera(String s) {
        if (s.startsWith("webcam:")) {
            try {
                return new MediaSpec(false, null, Integer.parseInt(s.substring(7)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--camera " + s + ": expected webcam:N with N a number");
            }
        }
        return file(s, "--camera", "webcam:N or file:PATH");
    }

    /** Parses {@code --mic}: {@code default} or {@code file:PATH}. */
    public static MediaSpec mic(String s) {
        if (s.equals("default")) return new MediaSpec(false, null, 0);
        return file(s, "--mic", "default or file:PATH");
    }

    private static MediaSpec file(String s, String option, String expected) {
        if (!s.startsWith("file:")) throw new IllegalArgumentException(option + " " + s + ": expected " + expected);
        Path p = Paths.get(s.substring(5));
        if (!Files.isRegularFile(p)) throw new IllegalArgumentException(option + " " + s + ": file not found: " + p.toAbsolutePath());
        return new MediaSpec(true, p, -1);
    }

    /** The FFmpeg input and its format for a live camera on this OS. */
    String[] webcamInput() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) return new String[] {Integer.toString(deviceIndex), "avfoundation"};
        if (os.contains("win")) return new String[] {"video=" + deviceIndex, "dshow"};
        return new String[] {"/dev/video" + deviceIndex, "v4l2"};
    }
}
