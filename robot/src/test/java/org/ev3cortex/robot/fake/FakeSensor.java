package org.ev3cortex.robot.fake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An emulated {@code lego-sensor/sensorN}: writing {@code mode} switches {@code num_values},
 * {@code decimals} and {@code units} (an unknown mode is refused and the old one restored).
 * Tests set raw values with {@link #setValue} or exact bytes with {@link #setRaw}.
 */
public final class FakeSensor {
    final Path dir;
    public final String address;
    public final String driverName;
    private final Map<String, int[]> modes = new LinkedHashMap<>(); // mode -> {num_values, decimals}
    private final Map<String, FakeFile> files = new ConcurrentHashMap<>();
    private final Map<String, String> raw = new ConcurrentHashMap<>();
    private final int[] values = new int[8];
    private String mode;
    private volatile int rejected;

    FakeSensor(Path dir, String address, String driverName) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.address = address;
        this.driverName = driverName;
        switch (driverName) {
            case "lego-ev3-touch": modes.put("TOUCH", new int[] {1, 0}); break;
            case "lego-ev3-color":
                modes.put("COL-REFLECT", new int[] {1, 0});
                modes.put("COL-AMBIENT", new int[] {1, 0});
                modes.put("COL-COLOR", new int[] {1, 0});
                modes.put("RGB-RAW", new int[] {3, 0});
                break;
            case "lego-ev3-us":
                modes.put("US-DIST-CM", new int[] {1, 1});
                modes.put("US-DIST-IN", new int[] {1, 1});
                modes.put("US-LISTEN", new int[] {1, 0});
                break;
            case "lego-ev3-gyro":
                modes.put("GYRO-ANG", new int[] {1, 0});
                modes.put("GYRO-RATE", new int[] {1, 0});
                modes.put("GYRO-G&A", new int[] {2, 0});
                break;
            default: throw new IllegalArgumentException("no emulation for " + driverName);
        }
        mode = modes.keySet().iterator().next();
        put("address", address);
        put("driver_name", driverName);
        put("modes", String.join(" ", modes.keySet()));
        put("mode", mode);
        put("num_values", Integer.toString(modes.get(mode)[0]));
        put("decimals", Integer.toString(modes.get(mode)[1]));
        put("poll_ms", "10");
        for (int i = 0; i < 8; i++) put("value" + i, "0");
    }

    private void put(String name, String value) throws IOException {
        FakeFile f = files.get(name);
        if (f == null) files.put(name, new FakeFile(dir.resolve(name), value));
        else if (!raw.containsKey(name)) f.set(value);
    }

    public synchronized void setValue(int index, int rawValue) throws IOException {
        values[index] = rawValue;
        put("value" + index, Integer.toString(rawValue));
    }

    public void setRaw(String attribute, String rawBytes) throws IOException {
        raw.put(attribute, rawBytes);
        files.get(attribute).setRaw(rawBytes);
    }

    public synchronized void clearRaw(String attribute) throws IOException {
        raw.remove(attribute);
        if (attribute.startsWith("value")) {
            files.get(attribute).setRaw(values[attribute.charAt(5) - '0'] + "\n");
        }
    }

    /**
     * Writes {@code mode} as a program would; the next step applies it. A body opened after that
     * finds the sensor already in the mode it wants, as after an earlier run on a real brick.
     */
    public void selectMode(String newMode) throws IOException {
        files.get("mode").set(newMode);
    }

    public synchronized String mode() {
        return mode;
    }

    public int rejected() {
        return rejected;
    }

    synchronized void step() {
        try {
            String want = files.get("mode").get().trim();
            if (want.equals(mode)) return;
            int[] layout = modes.get(want);
            if (layout == null) {
                rejected++;
                files.get("mode").setRaw(mode + "\n");
                return;
            }
            mode = want;
            files.get("mode").setRaw(mode + "\n");
            put("num_values", Integer.toString(layout[0]));
            put("decimals", Integer.toString(layout[1]));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    synchronized void unplug() throws IOException {
        for (FakeFile f : files.values()) f.setRaw("");
        close();
    }

    void close() {
        for (FakeFile f : files.values()) f.close();
    }
}
