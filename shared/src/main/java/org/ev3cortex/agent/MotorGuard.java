package org.ev3cortex.agent;

import java.util.Locale;
import org.ev3cortex.body.Motors;
import org.ev3cortex.body.StopAction;
import org.ev3cortex.config.Config;
import org.ev3cortex.seam.LoopKeys;
import org.ev3cortex.seam.LoopStats;
import org.ev3cortex.seam.MotorCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write phase and the rules that guard it, in one place (WPILib's MotorSafety, grown up):
 * <ul>
 *   <li>the one speed clamp, to each motor's own {@code max_speed};</li>
 *   <li>the battery guard with hysteresis: below {@code safety.battery.lowV} every motor is
 *       stopped and stays stopped until the battery is back above {@code safety.battery.recoverV};</li>
 *   <li>per-motor expiry: a motor not commanded within {@code safety.motorExpiryMs} (or twice the
 *       actual time between ticks, if longer) is stopped;</li>
 *   <li>stop-all, from any thread, never throwing, for every exit path.</li>
 * </ul>
 * What it issues is recorded in the {@link MotorCommands} as the next tick's efference copy.
 */
public final class MotorGuard {
    private static final Logger log = LoggerFactory.getLogger(MotorGuard.class);

    private final Motors motors;
    private final MotorCommands commands;
    private final LoopStats stats;
    private final long[] lastFedNanos;
    private final boolean[] safetyStopped;
    private long motorExpiryNanos;
    private long lastWriteNanos = Long.MIN_VALUE;
    private int announcedExpiryMs = -1; // what the body was last told
    private long intervalNanos; // between the last two write phases, body clock
    private boolean batteryGuard;
    private double batteryLowV;
    private double batteryRecoverV;
    private volatile StopAction stopAction = StopAction.BRAKE;
    private volatile boolean batteryLow;

    public MotorGuard(Motors motors, MotorCommands commands, LoopStats stats) {
        this.motors = motors;
        this.commands = commands;
        this.stats = stats;
        this.lastFedNanos = new long[motors.count()];
        this.safetyStopped = new boolean[motors.count()];
    }

    /** Between ticks only. */
    public void configure(Config c) {
        motorExpiryNanos = c.get(LoopKeys.MOTOR_EXPIRY_MS) * 1_000_000L;
        announcedExpiryMs = -1; // told again at the next write
        batteryGuard = c.get(LoopKeys.BATTERY_GUARD);
        batteryLowV = c.get(LoopKeys.BATTERY_LOW_V);
        batteryRecoverV = c.get(LoopKeys.BATTERY_RECOVER_V);
        stopAction = StopAction.parse(c.get(LoopKeys.STOP_ACTION));
    }

    /** True while the battery guard holds the motors stopped. */
    public boolean batteryLow() {
        return batteryLow;
    }

    /**
     * Issues this tick's requests, or the stops the rules demand. {@code nowNanos} is on the
     * body's clock, {@code batteryV} this tick's reading.
     */
    public void write(long nowNanos, double batteryV, long tick) {
        int n = commands.count();
        if (lastWriteNanos != Long.MIN_VALUE) intervalNanos = nowNanos - lastWriteNanos;
        lastWriteNanos = nowNanos;
        // At least twice the actual time between ticks: a machine too slow for the period must not
        // stop its motors between two commands.
        long expiry = Math.max(motorExpiryNanos, 2 * intervalNanos);
        // Told to the body (its own dead-man) in 100 ms steps, so a jittery interval does not
        // rewrite it every tick.
        int expiryMs = expiry > motorExpiryNanos ? (int) ((expiry + 99_999_999L) / 100_000_000L * 100)
                : (int) (motorExpiryNanos / 1_000_000L);
        if (expiryMs != announcedExpiryMs) {
            announcedExpiryMs = expiryMs;
            motors.expiryMs(expiryMs);
        }
        if (batteryGuard) battery(batteryV, nowNanos, tick);
        for (int i = 0; i < n; i++) {
            int mode = commands.requestedMode(i);
            if (batteryLow || mode == MotorCommands.NONE) {
                if (!safetyStopped[i] && nowNanos - lastFedNanos[i] > expiry) {
                    stats.motorSafetyStop();
                    issueStop(i, nowNanos, tick);
                }
                continue;
            }
            int max = motors.maxSpeedCountsPerSec(i);
            int speed = Math.max(-max, Math.min(max, commands.requestedSpeed(i)));
            switch (mode) {
                case MotorCommands.RUN_FOREVER: motors.runForever(i, speed); break;
                case MotorCommands.RUN_TO_REL_POS: motors.runToRelPos(i, commands.requestedDeltaCounts(i), speed); break;
                case MotorCommands.RUN_TIMED: motors.runTimed(i, commands.requestedTimeMs(i), speed); break;
                case MotorCommands.STOP:
                default:
                    StopAction a = commands.requestedStopAction(i);
                    motors.stop(i, a == null ? stopAction : a);
                    speed = 0;
                    break;
            }
            commands.recordIssued(i, mode, speed, tick);
            lastFedNanos[i] = nowNanos;
            safetyStopped[i] = mode == MotorCommands.STOP;
        }
    }

    private void battery(double v, long nowNanos, long tick) {
        if (!batteryLow && v < batteryLowV) {
            batteryLow = true;
            stats.batteryStop();
            log.warn("battery low ({} V < {} V): motors stopped until it recovers above {} V",
                    volts(v), volts(batteryLowV), volts(batteryRecoverV));
            for (int i = 0; i < commands.count(); i++) issueStop(i, nowNanos, tick);
        } else if (batteryLow && v > batteryRecoverV) {
            batteryLow = false;
            log.info("battery recovered ({} V > {} V): motors enabled", volts(v), volts(batteryRecoverV));
        }
    }

    /** Two decimals: 6.3999999999999995 reads as 6.40. Only on a battery event, never per tick. */
    private static String volts(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private void issueStop(int motor, long nowNanos, long tick) {
        motors.stop(motor, stopAction);
        commands.recordIssued(motor, MotorCommands.STOP, 0, tick);
        safetyStopped[motor] = true;
        lastFedNanos[motor] = nowNanos;
    }

    /** Stops every motor, from any thread; never throws, so it cannot mask the original fault. */
    public void stopAll(String why) {
        StopAction action = stopAction;
        for (int i = 0; i < motors.count(); i++) {
            try {
                motors.stop(i, action);
            } catch (RuntimeException e) {
                log.error("could not stop motor {} ({}): {}", i, why, e.toString());
            }
        }
        log.debug("motors stopped: {}", why);
    }
}
