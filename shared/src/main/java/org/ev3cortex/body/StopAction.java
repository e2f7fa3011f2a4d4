package org.ev3cortex.body;

import java.util.Locale;

/** ev3dev's {@code stop_action}: how a motor stops. */
public enum StopAction {
    /** Power off; the motor spins down freely. */
    COAST,
    /** Short the windings; stops fast, then free. */
    BRAKE,
    /** Actively hold the position. */
    HOLD;

    /** The sysfs spelling, e.g. {@code brake}. */
    public String sysfs() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StopAction parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
