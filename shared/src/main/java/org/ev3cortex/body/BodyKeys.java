package org.ev3cortex.body;

import java.util.List;
import org.ev3cortex.config.Config;
import org.ev3cortex.config.Key;
import org.ev3cortex.config.Schema;

/** Keys every body understands: what is plugged in and the senses' formats. */
public final class BodyKeys {
    private BodyKeys() {}

    public static final Key<String> MOTOR_PORTS = Key.stringKey("body.motorPorts", "outB,outC")
            .restartOnly()
            .doc("Comma-separated motor ports, left wheel first (ev3dev addresses without 'ev3-ports:').");
    public static final Key<String> TOUCH_PORTS = Key.stringKey("body.touchPorts", "in1")
            .restartOnly().allowEmpty()
            .doc("Comma-separated touch sensor ports; empty for none.");
    public static final Key<String> ULTRASONIC_PORTS = Key.stringKey("body.ultrasonicPorts", "")
            .restartOnly().allowEmpty()
            .doc("Comma-separated ultrasonic sensor ports (lego-ev3-us, US-DIST-CM); each adds one S1 slot, distance / 255 cm. Empty for none.");
    public static final Key<String> GYRO_PORTS = Key.stringKey("body.gyroPorts", "")
            .restartOnly().allowEmpty()
            .doc("Comma-separated gyro sensor ports (lego-ev3-gyro, GYRO-G&A); each adds two S1 slots, angle / 180 deg wrapped to [-1, 1) and rate / 440 deg/s. Empty for none.");
    public static final Key<String> COLOR_PORTS = Key.stringKey("body.colorPorts", "")
            .restartOnly().allowEmpty()
            .doc("Comma-separated colour sensor ports (lego-ev3-color); each adds one S1 slot, percent / 100. Empty for none.");
    public static final Key<String> COLOR_MODE = Key.choiceKey("body.colorMode", "COL-REFLECT", "COL-REFLECT", "COL-AMBIENT")
            .restartOnly()
            .doc("What the colour sensors measure: reflected light of their own red LED, or ambient light.");
    public static final Key<Integer> CAMERA_WIDTH = Key.intKey("body.camera.width", 160)
            .unit("px").range(8, 4096).restartOnly()
            .doc("Camera frame width (the brick's USB 1.1 webcams manage 160x120 YUYV at about 10 fps).");
    public static final Key<Integer> CAMERA_HEIGHT = Key.intKey("body.camera.height", 120)
            .unit("px").range(8, 4096).restartOnly()
            .doc("Camera frame height.");
    public static final Key<String> CAMERA_FORMAT = Key.choiceKey("body.camera.format", "YUYV", "YUYV", "RGB24", "GRAY8")
            .restartOnly()
            .doc("Camera pixel format.");
    public static final Key<Integer> MIC_RATE_HZ = Key.intKey("body.mic.sampleRateHz", 16_000)
            .unit("Hz").range(4_000, 96_000).restartOnly()
            .doc("Microphone sample rate.");
    public static final Key<Integer> MIC_CHANNELS = Key.intKey("body.mic.channels", 2)
            .range(1, 2).restartOnly()
            .doc("Microphone channels: 1 (mono, duplicated to both ears downstream) or 2.");
    public static final Key<Integer> MIC_RING_SAMPLES = Key.intKey("body.mic.ringFrames", 4_096)
            .unit("frames").range(256, 1 << 20).restartOnly()
            .doc("Microphone ring buffer length in frames (one sample per channel); must hold the longest A1 window.");

    public static final Key<Integer> MIC_WINDOW_FRAMES = Key.intKey("body.mic.windowFrames", 512)
            .unit("frames").range(16, 1 << 16).restartOnly()
            .doc("How many of the newest microphone frames each tick's snapshot holds (the A1 FFT window).");

    public static final List<Key<?>> ALL = List.of(MOTOR_PORTS, TOUCH_PORTS, ULTRASONIC_PORTS, GYRO_PORTS,
            COLOR_PORTS, COLOR_MODE, CAMERA_WIDTH, CAMERA_HEIGHT,
            CAMERA_FORMAT, MIC_RATE_HZ, MIC_CHANNELS, MIC_RING_SAMPLES, MIC_WINDOW_FRAMES);

    /** The motor ports in order, left wheel first: the one place the list is parsed. */
    public static String[] motorPorts(Config c) {
        return ports(c.get(MOTOR_PORTS));
    }

    /** The touch sensor ports in order; empty for none. */
    public static String[] touchPorts(Config c) {
        return ports(c.get(TOUCH_PORTS));
    }

    public static String[] ultrasonicPorts(Config c) {
        return ports(c.get(ULTRASONIC_PORTS));
    }

    public static String[] gyroPorts(Config c) {
        return ports(c.get(GYRO_PORTS));
    }

    public static String[] colorPorts(Config c) {
        return ports(c.get(COLOR_PORTS));
    }

    /** The camera's pixel format (the key's choices are the enum's names). */
    public static PixelFormat cameraFormat(Config c) {
        return PixelFormat.valueOf(c.get(CAMERA_FORMAT));
    }

    /** A comma-separated port list, entries trimmed; null for a blank, a duplicate or a bad entry. */
    static String[] parsePorts(String list) {
        if (list.trim().isEmpty()) return new String[0];
        String[] parts = list.split(",", -1);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < parts.length; i++) {
            parts[i] = parts[i].trim();
            if (parts[i].isEmpty() || !parts[i].matches("[A-Za-z0-9_.:-]+") || !seen.add(parts[i])) return null;
        }
        return parts;
    }

    /** The distinct non-blank entries; a list the rule rejects still sizes what the other rules check. */
    private static String[] ports(String list) {
        String[] p = parsePorts(list);
        if (p != null) return p;
        java.util.List<String> kept = new java.util.ArrayList<>();
        for (String e : list.split(",")) if (!e.trim().isEmpty() && !kept.contains(e.trim())) kept.add(e.trim());
        return kept.toArray(new String[0]);
    }

    private static Schema.Rule portList(Key<String> key) {
        return new Schema.Rule(key) {
            @Override
            public String check(Config c) {
                return parsePorts(c.get(key)) != null ? null
                        : "'" + c.get(key) + "' is not a comma-separated list of distinct ports (e.g. outB,outC)";
            }
        };
    }

    public static final List<org.ev3cortex.config.Schema.Rule> RULES = List.of(portList(MOTOR_PORTS), portList(TOUCH_PORTS),
            portList(ULTRASONIC_PORTS), portList(GYRO_PORTS), portList(COLOR_PORTS),
            Schema.Rule.ordered(MIC_WINDOW_FRAMES, -1, false, MIC_RING_SAMPLES, "must not exceed", "", ""));
}
