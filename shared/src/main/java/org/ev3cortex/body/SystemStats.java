package org.ev3cortex.body;

/**
 * Host statistics as a fixed numeric vector (indices below), sampled in the background because
 * reading them (e.g. through OSHI) takes milliseconds.
 */
public interface SystemStats extends SensorSource<double[]> {
    /** Whole-system CPU load since the previous sample, 0..1. */
    int CPU_LOAD = 0;
    /** Memory in use, bytes. */
    int MEMORY_USED_BYTES = 1;
    /** Total physical memory, bytes. */
    int MEMORY_TOTAL_BYTES = 2;
    /** CPU temperature in °C, NaN when the host does not report one. */
    int TEMPERATURE_C = 3;
    /** Number of processes. */
    int PROCESS_COUNT = 4;
    /** Length of the vector. */
    int SIZE = 5;
}
