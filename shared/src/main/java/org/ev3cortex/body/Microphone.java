package org.ev3cortex.body;

/**
 * Signed 16-bit samples, interleaved when stereo, kept in a ring buffer. {@code read} copies the
 * newest {@code dst.length / channels()} frames, oldest first, into the caller's buffer; the
 * sequence number counts captured chunks.
 */
public interface Microphone extends SensorSource<short[]> {
    int sampleRateHz();

    /** 1 or 2. */
    int channels();
}
