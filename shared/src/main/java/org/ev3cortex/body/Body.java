package org.ev3cortex.body;

/**
 * The one seam between the agent and hardware. The brick ({@code Ev3Body}), the simulator
 * ({@code SimBody}) and the laptop (JavaCV) each implement it; the agent never asks which one it
 * has.
 *
 * <p>{@link #camera()}, {@link #microphone()} and {@link #systemStats()} return null when the
 * body has no such sense; everything else is always present (possibly with zero devices).
 *
 * <p>A body has a lifecycle, as ros2_control's hardware components do. The loop calls
 * {@link #activate()} once after the first tick (the devices have been read and commanded once),
 * {@link #onFault} when a stage or a device faults the loop, and {@link #deactivate} when the loop
 * ends. The defaults start and stop the background senses, so a simple body needs none of them.
 */
public interface Body extends AutoCloseable {
    Camera camera();

    Microphone microphone();

    Motors motors();

    Battery battery();

    SystemStats systemStats();

    Touch touch();

    /** Ultrasonic, gyro and colour sensors; null for a body with none (the default). */
    default LegoSensors sensors() {
        return null;
    }

    Clock clock();

    /**
     * True for a simulated robot whose world moves only between ticks (the simulator, a replay).
     * A tick that stalls on the host then costs the robot no time: the watchdog logs it and
     * leaves the simulated motors and the percepts as they are, so the same seed gives the same
     * run on a loaded machine too. False (the default) for real motors or real time.
     */
    default boolean simulated() {
        return false;
    }

    /** A short description for logs, e.g. {@code ev3dev brick (2 motors, 1 touch)}. */
    String describe();

    /**
     * After the first tick: start the background senses (camera, microphone, system statistics).
     * Starting them only now keeps the first tick fast on the brick, where starting a capture
     * process loads hundreds of classes. Override to show it (LEDs) and call this default.
     */
    default void activate() {
        if (camera() != null) camera().start();
        if (microphone() != null) microphone().start();
        if (systemStats() != null) systemStats().start();
    }

    /** The loop has ended ({@code why}, e.g. "stopped"): stop the background senses. Idempotent. */
    default void deactivate(String why) {
        if (camera() != null) camera().stop();
        if (microphone() != null) microphone().stop();
        if (systemStats() != null) systemStats().stop();
    }

    /** The loop faulted with {@code cause} (motors already stopped): show it, e.g. LEDs red. */
    default void onFault(Throwable cause) {}

    /** Stops the motors and releases every device. Safe to call twice. */
    @Override
    void close();
}
