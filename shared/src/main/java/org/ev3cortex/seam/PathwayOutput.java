package org.ev3cortex.seam;

/** A {@link Pathway}'s output array, owned by its stage and reshaped only when the shape changes. */
public final class PathwayOutput implements Pathway {
    private final Region region;
    private int width;
    private int height;
    private float[] values = new float[0];

    public PathwayOutput(Region region) {
        this.region = region;
    }

    /** Sets the shape; reallocates only when the size changes (at configure, never in a tick). */
    public void reshape(int width, int height) {
        this.width = width;
        this.height = height;
        if (values.length != width * height) values = new float[width * height];
    }

    @Override public Region region() { return region; }
    @Override public int width() { return width; }
    @Override public int height() { return height; }
    @Override public float[] output() { return values; }
}
