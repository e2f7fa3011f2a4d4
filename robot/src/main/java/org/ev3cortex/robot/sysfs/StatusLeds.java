package org.ev3cortex.robot.sysfs;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The brick-status LEDs ({@code leds/led{0,1}:{red,green}:brick-status}) showing the agent's
 * state. Best effort: a missing or failing LED never stops the robot.
 */
public final class StatusLeds implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StatusLeds.class);

    /** What the LEDs say. */
    public enum Show {
        OFF(0, 0), STARTING(1, 1), RUNNING(0, 1), FAULT(1, 0);

        final int red;
        final int green;

        Show(int red, int green) {
            this.red = red;
            this.green = green;
        }
    }

    private final List<Attribute> red = new ArrayList<>();
    private final List<Attribute> green = new ArrayList<>();
    private final List<Integer> redMax = new ArrayList<>();
    private final List<Integer> greenMax = new ArrayList<>();
    private volatile Show showing;

    public StatusLeds(Sysfs sysfs) {
        Path dir = sysfs.root().resolve(Sysfs.LEDS);
        if (!Files.isDirectory(dir)) return;
        // No glob filter: a glob compiles to a regex, classes the brick would load for nothing.
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path led : ds) {
                String name = led.getFileName().toString();
                if (!name.contains("brick-status")) continue;
                boolean isRed = name.contains(":red:");
                if (!isRed && !name.contains(":green:")) continue;
                try {
                    Attribute b = Attribute.open(led.resolve("brightness"), true);
                    int max = 255;
                    String m = Sysfs.readSmall(led.resolve("max_brightness"));
                    if (m != null && !m.isEmpty() && m.length() <= 6) {
                        int v = 0;
                        for (int i = 0; i < m.length() && v >= 0; i++) {
                            char ch = m.charAt(i);
                            v = ch >= '0' && ch <= '9' ? v * 10 + (ch - '0') : -1;
                        }
                        if (v > 0) max = v;
                    }
                    (isRed ? red : green).add(b);
                    (isRed ? redMax : greenMax).add(max);
                } catch (IOException e) {
                    log.warn("LED {} not writable: {}", led, e.toString());
                }
            }
        } catch (IOException e) {
            log.warn("cannot list {}: {}", dir, e.toString());
        }
    }

    /** How many LED colour channels were found (4 on an EV3). */
    public int channels() {
        return red.size() + green.size();
    }

    public Show showing() {
        return showing;
    }

    /** Shows a state; only writes when it changes. Never throws. */
    public synchronized void show(Show s) {
        if (s == showing) return;
        showing = s;
        set(red, redMax, s.red);
        set(green, greenMax, s.green);
    }

    private static void set(List<Attribute> leds, List<Integer> max, int on) {
        for (int i = 0; i < leds.size(); i++) {
            try {
                leds.get(i).writeInt(on * max.get(i));
            } catch (IOException e) {
                log.debug("LED write failed: {}", e.toString());
            }
        }
    }

    @Override
    public synchronized void close() {
        for (Attribute a : red) a.close();
        for (Attribute a : green) a.close();
        red.clear();
        green.clear();
    }
}
