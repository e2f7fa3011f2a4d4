package org.ev3cortex.body;

/** Frame layouts the camera path understands. */
public enum PixelFormat {
    /** Packed 4:2:2, Y0 U Y1 V per two pixels: what the brick's USB webcams deliver. */
    YUYV(2),
    /** Packed R G B, 8 bits each. */
    RGB24(3),
    /** One luma byte per pixel. */
    GRAY8(1);

    private final int bytesPerPixel;

    PixelFormat(int bytesPerPixel) {
        this.bytesPerPixel = bytesPerPixel;
    }

    public int frameBytes(int width, int height) {
        if (this == YUYV && (width & 1) != 0) {
            throw new IllegalArgumentException("YUYV needs an even width, got " + width);
        }
        return width * height * bytesPerPixel;
    }
}
