package org.ev3cortex.body;

/**
 * The one seam between the agent and hardware. The brick ({@code Ev3Body}), the simulator
 * ({@code SimBody}) and the laptop (JavaCV) each implement it; the agent never asks which one it
 * has.
 *
 * <p>{@link #camera()}, {@link #microphone()} and {@link #systemStats()} return null when the
 * body has no such sense; everything else is always present (possibly with zero devices).
 */
public interface Body extends AutoCloseable {
    Camera camera();

    Microphone microphone();

    Motors motors();

    Battery battery();

    SystemStats systemStats();

    Touch touch();

    Clock clock();

    /** A short description for logs, e.g. {@code ev3dev brick (2 motors, 1 touch)}. */
    String describe();

    /** Stops the motors and releases every device. Safe to call twice. */
    @Override
    void close();
}
