package org.ev3cortex.body;

/** Frames of a fixed size and format; {@code read} copies the newest one into a caller buffer. */
public interface Camera extends SensorSource<byte[]> {
    int width();

    int height();

    PixelFormat format();

    /** The size a {@code read} buffer must have. */
    default int frameBytes() {
        return format().frameBytes(width(), height());
    }
}
