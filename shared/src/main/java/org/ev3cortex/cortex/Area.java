package org.ev3cortex.cortex;

/**
 * One named rectangle of the sheet. Units of a predicting area are stored contiguously in the
 * sheet's compact arrays, row-major, from {@link #start()}: a viewer or a tool reads an area's
 * values as {@code array[start() .. start() + size())}.
 */
public final class Area {
    /** Names as the viewer, the tools and the pathways use them. */
    public static final String V1_L = org.ev3cortex.seam.Region.V1_L.label();
    public static final String V1_R = org.ev3cortex.seam.Region.V1_R.label();
    public static final String A1_L = org.ev3cortex.seam.Region.A1_L.label();
    public static final String A1_R = org.ev3cortex.seam.Region.A1_R.label();
    public static final String S1 = org.ev3cortex.seam.Region.S1.label();
    public static final String M1 = org.ev3cortex.seam.Region.M1.label();
    public static final String INSULA = org.ev3cortex.seam.Region.INSULA.label();
    public static final String ASSOC = org.ev3cortex.seam.Region.ASSOC.label();

    private final String name;
    private final int index;
    private final int x;
    private final int y;
    private final int width;
    private final int height;
    private final boolean predicting;
    private final int start;

    Area(String name, int index, int x, int y, int width, int height, boolean predicting, int start) {
        this.name = name;
        this.index = index;
        this.x = x;
        this.y = y;
        this.width = width;
        this.height = height;
        this.predicting = predicting;
        this.start = start;
    }

    public String name() { return name; }
    /** Position in {@link Sheet#areas()} and in per-area outputs such as {@link Sheet#areaSurprise()}. */
    public int index() { return index; }
    public int x() { return x; }
    public int y() { return y; }
    public int width() { return width; }
    public int height() { return height; }
    public int size() { return width * height; }
    /** True for areas whose units predict their input (all but the association region). */
    public boolean predicting() { return predicting; }
    /** Offset of the area's first unit in the sheet's compact arrays; -1 when not predicting. */
    public int start() { return start; }

    boolean contains(int gx, int gy) {
        return gx >= x && gx < x + width && gy >= y && gy < y + height;
    }

    @Override
    public String toString() {
        return name + "@" + x + "," + y + "," + width + "x" + height;
    }
}
