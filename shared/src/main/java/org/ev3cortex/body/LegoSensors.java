package org.ev3cortex.body;

/**
 * The EV3's ultrasonic, gyro and colour sensors, each kind by index in the order of its ports key
 * ({@link BodyKeys#ULTRASONIC_PORTS}, {@link BodyKeys#GYRO_PORTS}, {@link BodyKeys#COLOR_PORTS}).
 * Values are in the sensors' own units, read on the tick thread without allocation; a body
 * without them has counts of 0.
 */
public interface LegoSensors {
    int ultrasonicCount();

    /** Distance to the nearest echo ahead, cm (the EV3 sensor reads 0 to 255). */
    float distanceCm(int sensor);

    int gyroCount();

    /** Heading turned since start-up, degrees, clockwise positive (ev3dev's GYRO-G&A, sensor upright). */
    float gyroAngleDeg(int sensor);

    /** Turn rate, degrees per second, clockwise positive. */
    float gyroRateDegPerSec(int sensor);

    int colorCount();

    /** Reflected or ambient light ({@link BodyKeys#COLOR_MODE}), percent 0 to 100. */
    float colorPercent(int sensor);
}
