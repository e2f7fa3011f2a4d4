package org.ev3cortex.robot.sysfs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;

/**
 * One {@code lego-sensor/sensorN}: touch, colour, ultrasonic or gyro. {@link #setMode} runs at
 * start-up; each tick reads {@code value0..} and scales by {@code decimals}.
 */
public final class LegoSensor extends SysfsDevice {
    public static final String TOUCH = "lego-ev3-touch";
    public static final String COLOR = "lego-ev3-color";
    public static final String ULTRASONIC = "lego-ev3-us";
    public static final String GYRO = "lego-ev3-gyro";
    private static final int MAX_VALUES = 8;

    private final Attribute modeAttr;
    private final Attribute[] values = new Attribute[MAX_VALUES];
    private final int[] last = new int[MAX_VALUES];
    private String mode;
    private int numValues;
    private int decimals;
    private float scale = 1f;
    private int min = Integer.MIN_VALUE;
    private int max = Integer.MAX_VALUE;

    public static LegoSensor open(Path dir, String address, String expectedDriver, SysfsHealth health,
                                  long deadlineNanos) throws IOException {
        String driver = Sysfs.readSmall(dir.resolve("driver_name"));
        if (expectedDriver != null && !expectedDriver.equals(driver)) {
            throw new IllegalStateException(dir + " at " + address + " is driver '" + driver + "', expected '"
                    + expectedDriver + "'");
        }
        return new LegoSensor(dir, address, driver, health, deadlineNanos);
    }

    private LegoSensor(Path dir, String address, String driver, SysfsHealth health, long deadlineNanos) throws IOException {
        super(dir, address, driver, health);
        boolean done = false;
        try {
            modeAttr = attribute("mode", true, deadlineNanos);
            for (int i = 0; i < MAX_VALUES; i++) {
                if (Files.exists(dir.resolve("value" + i))) values[i] = attribute("value" + i, false, deadlineNanos);
            }
            mode = modeAttr.readText();
            readLayout();
            done = true;
        } finally {
            if (!done) close();
        }
    }

    /**
     * Selects a mode and waits (bounded, no fixed sleep) until the sensor reports it, then
     * re-reads {@code num_values} and {@code decimals}, which depend on the mode.
     */
    public void setMode(String newMode, long deadlineNanos) throws IOException {
        String modes = Sysfs.readSmall(dir().resolve("modes"));
        if (modes == null || !java.util.Arrays.asList(modes.split(" ")).contains(newMode)) {
            throw new IllegalStateException(describe() + " has no mode '" + newMode + "'; its modes: " + modes);
        }
        if (newMode.equals(mode) && newMode.equals(modeAttr.readText())) return;
        modeAttr.write(newMode);
        while (!newMode.equals(modeAttr.readText())) {
            if (System.nanoTime() - deadlineNanos > 0) {
                throw new IllegalStateException(describe() + ": mode is still '" + modeAttr.text() + "' after asking for '"
                        + newMode + "'");
            }
            LockSupport.parkNanos(2_000_000L);
        }
        mode = newMode;
        readLayout();
    }

    /**
     * Re-reads {@code num_values} and {@code decimals}. The kernel switches modes synchronously,
     * so {@link #setMode} needs no more; the fake tree switches within one emulator step, and its
     * tests call this after letting it step.
     */
    public void refreshLayout() throws IOException {
        readLayout();
    }

    private void readLayout() throws IOException {
        try (Attribute n = Attribute.open(dir().resolve("num_values"), false);
             Attribute d = Attribute.open(dir().resolve("decimals"), false)) {
            numValues = n.readInt(0, MAX_VALUES);
            decimals = d.readInt(0, 9);
        } catch (GarbageValueException e) {
            throw new IllegalStateException(describe() + ": " + e.getMessage(), e);
        }
        for (int i = 0; i < numValues; i++) {
            if (values[i] == null) throw new IllegalStateException(describe() + ": mode " + mode + " has "
                    + numValues + " values but value" + i + " is missing");
        }
        scale = (float) Math.pow(10, -decimals);
        int[] range = rawRange(mode);
        min = range[0];
        max = range[1];
    }

    /** What each mode's kernel driver can report, raw; anything else is a corrupt read. */
    static int[] rawRange(String mode) {
        switch (mode) {
            case "TOUCH": return new int[] {0, 1};
            case "COL-REFLECT":
            case "COL-AMBIENT": return new int[] {0, 100};
            case "COL-COLOR": return new int[] {0, 7};
            case "RGB-RAW": return new int[] {0, 1023};
            case "US-DIST-CM": return new int[] {0, 2550};
            case "US-DIST-IN": return new int[] {0, 1003};
            case "GYRO-RATE": return new int[] {-440, 440};
            default: return new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
        }
    }

    public String mode() {
        return mode;
    }

    public int numValues() {
        return numValues;
    }

    public int decimals() {
        return decimals;
    }

    /** Re-reads raw {@code valueN}; garbage is counted and the previous good value returned. */
    public int readRaw(int index) {
        if (index >= numValues) throw new IndexOutOfBoundsException(describe() + " has " + numValues + " values in " + mode);
        try {
            last[index] = values[index].readInt(min, max);
            ok();
        } catch (IOException | GarbageValueException e) {
            failed(e);
        }
        return last[index];
    }

    /** {@code valueN} scaled by {@code decimals}, e.g. 123 with decimals 1 is 12.3. */
    public float read(int index) {
        return readRaw(index) * scale;
    }
}
