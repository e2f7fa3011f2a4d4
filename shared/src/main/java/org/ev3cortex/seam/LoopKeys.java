package org.ev3cortex.seam;

import java.util.List;
import org.ev3cortex.config.Key;
import org.ev3cortex.config.Schema;

/** Keys of the tick loop and its safety net. */
public final class LoopKeys {
    private LoopKeys() {}

    public static final Key<Integer> PERIOD_MS = Key.intKey("agent.periodMs", 100)
            .unit("ms").range(1, 10_000)
            .doc("Tick period: one read-update-write cycle every periodMs on the body's clock (10 Hz on the brick).");
    public static final Key<Integer> OVERRUN_LOG_INTERVAL_MS = Key.intKey("agent.overrunLogIntervalMs", 5_000)
            .unit("ms").range(0, 3_600_000)
            .doc("At most one overrun warning per interval (wall clock); the rest are counted and summarised.");
    public static final Key<Integer> STATS_WINDOW = Key.intKey("agent.statsWindow", 512)
            .unit("ticks").range(8, 65_536).restartOnly()
            .doc("How many recent ticks the per-stage min/median/max timing covers.");
    public static final Key<Integer> RELOAD_POLL_MS = Key.intKey("config.reloadPollMs", 1_000)
            .unit("ms").range(0, 600_000).restartOnly()
            .doc("How often the config files are checked for changes; 0 turns hot reload off.");

    public static final Key<Integer> MOTOR_EXPIRY_MS = Key.intKey("safety.motorExpiryMs", 300)
            .unit("ms").range(10, 60_000)
            .doc("Motor safety: a motor not commanded within this time (body clock) is stopped; at least twice the"
                    + " actual time between ticks, so a slow machine's late ticks do not stop the motors between commands.");
    public static final Key<Integer> WATCHDOG_MS = Key.intKey("safety.watchdogMs", 500)
            .unit("ms").range(10, 60_000)
            .doc("Watchdog: if a tick has not finished this long after it started (wall clock), all motors are stopped"
                    + " (in the simulator, whose world waits for the tick, it is only logged).");
    public static final Key<Integer> WATCHDOG_WARMUP_TICKS = Key.intKey("safety.watchdog.warmupTicks", 20)
            .unit("ticks").range(0, 100_000)
            .doc("The first ticks run interpreted and load classes (seconds on the brick): the watchdog allows them"
                    + " 10 times safety.watchdogMs.");
    public static final Key<Integer> SHED_LATE_TICKS = Key.intKey("safety.shed.lateTicks", 5)
            .unit("ticks").range(0, 20)
            .doc("When this many of the last 20 ticks ended late, the sheet learns half as often (down to every 8th"
                    + " tick); control runs every tick. 0 never sheds.");
    public static final Key<Boolean> BATTERY_GUARD = Key.boolKey("safety.battery.enabled", true)
            .doc("Stop the motors when the battery is low, and hold them stopped until it recovers.");
    public static final Key<Double> BATTERY_LOW_V = Key.doubleKey("safety.battery.lowV", 6.5)
            .unit("V").range(0, 12)
            .doc("Below this voltage the motors are stopped and held stopped.");
    public static final Key<Double> BATTERY_RECOVER_V = Key.doubleKey("safety.battery.recoverV", 6.9)
            .unit("V").range(0, 12)
            .doc("Hysteresis: the motors may run again only once the voltage is back above this.");
    public static final Key<String> STOP_ACTION = Key.choiceKey("safety.stopAction", "brake", "coast", "brake", "hold")
            .doc("How a safety stop stops the motors (ev3dev stop_action).");

    public static final List<Key<?>> ALL = List.of(PERIOD_MS, OVERRUN_LOG_INTERVAL_MS, STATS_WINDOW, RELOAD_POLL_MS,
            MOTOR_EXPIRY_MS, WATCHDOG_MS, WATCHDOG_WARMUP_TICKS, SHED_LATE_TICKS, BATTERY_GUARD, BATTERY_LOW_V, BATTERY_RECOVER_V, STOP_ACTION);

    public static final List<Schema.Rule> RULES = List.of(
            Schema.Rule.ordered(BATTERY_RECOVER_V, 1, true, BATTERY_LOW_V, "must be above", " V", ", or the motors would chatter"),
            Schema.Rule.ordered(MOTOR_EXPIRY_MS, 1, true, PERIOD_MS, "must be longer than", " ms", ", or every motor stops each tick"));
}
