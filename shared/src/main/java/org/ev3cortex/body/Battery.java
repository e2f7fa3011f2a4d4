package org.ev3cortex.body;

/** The power supply, in SI units (ev3dev reports µV and µA; bodies convert). */
public interface Battery {
    double voltageV();

    double currentA();
}
