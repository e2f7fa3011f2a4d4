package org.ev3cortex.robot.sysfs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code power_supply/lego-ev3-battery}: {@code voltage_now} in µV, {@code current_now} in µA. */
public final class PowerSupply extends SysfsDevice {
    public static final String EV3_BATTERY = "lego-ev3-battery";
    private static final int MAX_MICROVOLTS = 20_000_000;
    private static final int MAX_MICROAMPS = 20_000_000;

    private final Attribute voltage;
    private final Attribute current;
    private double lastVoltageV;
    private double lastCurrentA;
    // One streak per attribute: a good current must not end a run of bad voltages (which would
    // keep the last good voltage, and so the battery guard's view, forever).
    private int voltageErrors;
    private int currentErrors;

    public static PowerSupply open(Sysfs sysfs, SysfsHealth health, long deadlineNanos) throws IOException {
        Path dir = sysfs.root().resolve(Sysfs.POWER_SUPPLY).resolve(EV3_BATTERY);
        while (!Files.isDirectory(dir)) {
            if (System.nanoTime() - deadlineNanos > 0) {
                throw new IllegalStateException("no battery at " + dir + " (is " + sysfs.root() + " an ev3dev sysfs tree?)");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L);
        }
        return new PowerSupply(dir, health, deadlineNanos);
    }

    private PowerSupply(Path dir, SysfsHealth health, long deadlineNanos) throws IOException {
        super(dir, "battery", EV3_BATTERY, health);
        voltage = attribute("voltage_now", false, deadlineNanos);
        current = attribute("current_now", false, deadlineNanos);
        // The first values must be good: there is no previous one to fall back on.
        try {
            lastVoltageV = voltage.readInt(0, MAX_MICROVOLTS) * 1e-6;
            lastCurrentA = current.readInt(-MAX_MICROAMPS, MAX_MICROAMPS) * 1e-6;
        } catch (GarbageValueException e) {
            close();
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "power_supply/" + EV3_BATTERY;
    }

    public double voltageV() {
        try {
            lastVoltageV = voltage.readInt(0, MAX_MICROVOLTS) * 1e-6;
            voltageErrors = 0;
        } catch (IOException | GarbageValueException e) {
            voltageErrors = failedInStreak(voltageErrors, e);
        }
        return lastVoltageV;
    }

    public double currentA() {
        try {
            lastCurrentA = current.readInt(-MAX_MICROAMPS, MAX_MICROAMPS) * 1e-6;
            currentErrors = 0;
        } catch (IOException | GarbageValueException e) {
            currentErrors = failedInStreak(currentErrors, e);
        }
        return lastCurrentA;
    }

    /** Counts a failed read against one attribute's own streak; throws the fault at the limit. */
    private int failedInStreak(int streak, Exception e) {
        consecutiveErrors = streak;
        try {
            failed(e);
        } finally {
            streak = consecutiveErrors;
            consecutiveErrors = 0;
        }
        return streak;
    }
}
