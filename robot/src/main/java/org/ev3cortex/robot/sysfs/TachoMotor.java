package org.ev3cortex.robot.sysfs;

import java.io.IOException;
import java.nio.file.Path;
import org.ev3cortex.body.MotorState;
import org.ev3cortex.body.StopAction;

/**
 * One {@code tacho-motor/motorN}. Reads are position, speed and state each tick (three
 * {@code pread}s); commands write only the set points that changed, then {@code command}.
 *
 * <p>Thread-safe: the tick loop commands and reads it, the watchdog and shutdown hook stop it.
 */
public final class TachoMotor extends SysfsDevice {
    public static final String LARGE = "lego-ev3-l-motor";
    public static final String MEDIUM = "lego-ev3-m-motor";
    static final int DEAD_MAN_MARGIN_MS = 100;

    private final int countsPerRotation;
    private final int maxSpeedCountsPerSec;
    private final Attribute position;
    private final Attribute speed;
    private final Attribute state;
    private final Attribute command;
    private final Attribute speedSp;
    private final Attribute positionSp;
    private final Attribute timeSp;
    private final Attribute stopAction;

    // What we last wrote, so an unchanged set point costs no write. Invalid after a reset.
    private int speedSpWritten;
    private int positionSpWritten;
    private int timeSpWritten;
    private StopAction stopActionWritten;

    /**
     * When above 0, {@link #runForever} is {@code run-timed} with this {@code time_sp}, re-issued
     * each tick: the kernel then stops the motor by itself when the JVM dies and the commands
     * end (SIGKILL, the OOM killer). Re-issuing restarts the driver's timer without a stop, so
     * the driving stays smooth.
     */
    private int deadManMs;

    private int lastPosition;
    private int lastSpeed;
    private int lastFlags;

    /** Opens the motor in {@code dir}, checks its driver and resets it (stopped, position 0). */
    public static TachoMotor open(Path dir, String address, SysfsHealth health, long deadlineNanos) throws IOException {
        String driver = Sysfs.readSmall(dir.resolve("driver_name"));
        if (!LARGE.equals(driver) && !MEDIUM.equals(driver)) {
            throw new IllegalStateException(dir + " at " + address + " is driver '" + driver
                    + "', not an EV3 tacho motor (" + LARGE + " or " + MEDIUM + ")");
        }
        return new TachoMotor(dir, address, driver, health, deadlineNanos);
    }

    private TachoMotor(Path dir, String address, String driver, SysfsHealth health, long deadlineNanos) throws IOException {
        super(dir, address, driver, health);
        boolean done = false;
        try {
            try (Attribute cpr = Attribute.open(dir.resolve("count_per_rot"), false);
                 Attribute max = Attribute.open(dir.resolve("max_speed"), false)) {
                countsPerRotation = cpr.readInt(1, 100_000);
                maxSpeedCountsPerSec = max.readInt(1, 100_000);
            } catch (GarbageValueException e) {
                throw new IllegalStateException(describe() + ": " + e.getMessage(), e);
            }
            position = attribute("position", false, deadlineNanos);
            speed = attribute("speed", false, deadlineNanos);
            state = attribute("state", false, deadlineNanos);
            speedSp = attribute("speed_sp", true, deadlineNanos);
            positionSp = attribute("position_sp", true, deadlineNanos);
            timeSp = attribute("time_sp", true, deadlineNanos);
            stopAction = attribute("stop_action", true, deadlineNanos);
            command = writeOnly("command", deadlineNanos);
            command.write("reset");
            invalidateSetPoints();
            done = true;
        } finally {
            if (!done) close();
        }
    }

    private void invalidateSetPoints() {
        speedSpWritten = Integer.MIN_VALUE;
        positionSpWritten = Integer.MIN_VALUE;
        timeSpWritten = Integer.MIN_VALUE;
        stopActionWritten = null;
    }

    public int countsPerRotation() {
        return countsPerRotation;
    }

    public int maxSpeedCountsPerSec() {
        return maxSpeedCountsPerSec;
    }

    /**
     * Reads position, speed and state into slot {@code i} of {@code into}. An unusable value is
     * counted and the previous good one kept; a vanished or persistently failing motor throws.
     */
    public synchronized void read(int i, MotorState into) {
        boolean good = true;
        try {
            lastPosition = position.readInt();
        } catch (IOException | GarbageValueException e) {
            good = false;
            failed(e);
        }
        try {
            // The kernel never reports more than twice max_speed; more is a corrupt read.
            lastSpeed = speed.readInt(-2 * maxSpeedCountsPerSec, 2 * maxSpeedCountsPerSec);
        } catch (IOException | GarbageValueException e) {
            good = false;
            failed(e);
        }
        try {
            lastFlags = state.readMotorFlags();
        } catch (IOException | GarbageValueException e) {
            good = false;
            failed(e);
        }
        if (good) ok();
        into.positionCounts[i] = lastPosition;
        into.speedCountsPerSec[i] = lastSpeed;
        into.flags[i] = lastFlags;
    }

    /**
     * The kernel dead-man for a loop whose motor safety stops an unfed motor after
     * {@code motorExpiryMs}: a little longer, so the loop's own stop comes first while it lives.
     */
    public static int deadManFor(int motorExpiryMs) {
        return motorExpiryMs + DEAD_MAN_MARGIN_MS;
    }

    /** Sets the kernel dead-man for {@link #runForever} (0: plain {@code run-forever}). */
    public synchronized void deadManMs(int ms) {
        if (ms < 0) throw new IllegalArgumentException("dead-man time " + ms + " ms");
        deadManMs = ms;
    }

    public synchronized void runForever(int speedCountsPerSec) {
        try {
            if (!setSpeed(speedCountsPerSec)) return;
            if (deadManMs > 0) {
                if (timeSpWritten != deadManMs) {
                    timeSp.writeInt(deadManMs);
                    timeSpWritten = deadManMs;
                }
                command.write("run-timed");
            } else {
                command.write("run-forever");
            }
        } catch (IOException e) {
            writeFailed(deadManMs > 0 ? "run-timed" : "run-forever", e);
        }
    }

    public synchronized void runToRelPos(int deltaCounts, int speedCountsPerSec) {
        try {
            if (!setSpeed(Math.abs(speedCountsPerSec))) return; // the kernel takes the direction from position_sp
            if (positionSpWritten != deltaCounts) {
                positionSp.writeInt(deltaCounts);
                positionSpWritten = deltaCounts;
            }
            command.write("run-to-rel-pos");
        } catch (IOException e) {
            writeFailed("run-to-rel-pos", e);
        }
    }

    public synchronized void runTimed(int timeMs, int speedCountsPerSec) {
        try {
            if (!setSpeed(speedCountsPerSec)) return;
            if (timeSpWritten != timeMs) {
                timeSp.writeInt(timeMs);
                timeSpWritten = timeMs;
            }
            command.write("run-timed");
        } catch (IOException e) {
            writeFailed("run-timed", e);
        }
    }

    /** Stops the motor. Throws only when the motor is gone. */
    public synchronized void stop(StopAction action) {
        if (closed) return; // the body stopped it when it closed; a late safety stop has nothing to do
        try {
            if (stopActionWritten != action) {
                stopAction.write(action.sysfs());
                stopActionWritten = action;
            }
            command.write("stop");
        } catch (IOException e) {
            RuntimeException f = health.failed(this, e);
            if (f instanceof DeviceGoneException) throw f;
        }
    }

    /** Stops the motor, resets position to 0 and every set point to its default. */
    public synchronized void reset() {
        try {
            command.write("reset");
        } catch (IOException e) {
            writeFailed("reset", e);
        } finally {
            invalidateSetPoints();
        }
    }

    /**
     * Writes the speed set point; false when it is beyond max_speed. The loop's write phase
     * (MotorGuard) clamps every command once, so that is a caller that bypassed it: an assertion,
     * counted and logged, and the command is not sent (the kernel would refuse it with EINVAL).
     */
    private boolean setSpeed(int speedCountsPerSec) throws IOException {
        int s = speedCountsPerSec;
        if (s > maxSpeedCountsPerSec || s < -maxSpeedCountsPerSec) {
            health.clamped(this, "speed_sp " + s + " beyond max_speed " + maxSpeedCountsPerSec
                    + "; command not sent (the write phase clamps; this caller bypassed it)");
            return false;
        }
        if (speedSpWritten != s) {
            try {
                speedSp.writeInt(s);
            } catch (IOException e) {
                throw new IOException("speed_sp " + s + ": " + e.getMessage(), e);
            }
            speedSpWritten = s;
        }
        return true;
    }

    /**
     * The driver refused a set point or command (EINVAL) or the write failed: the motor is no
     * longer doing what we believe, so this is a fault at once (every motor stopped, LEDs red),
     * not a garbage value that a good read would forgive.
     */
    private void writeFailed(String what, IOException e) {
        invalidateSetPoints();
        throw health.refused(this, what, e);
    }
}
