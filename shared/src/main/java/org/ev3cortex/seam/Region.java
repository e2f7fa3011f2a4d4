package org.ev3cortex.seam;

/**
 * The areas of the cortical sheet, in the order of its compact arrays: the input areas, then M1,
 * then the association region. The labels are the names the layout keys, the viewer, the
 * reports and the tools use.
 */
public enum Region {
    V1_L("V1-L"), V1_R("V1-R"), A1_L("A1-L"), A1_R("A1-R"), S1("S1"), INSULA("Insula"), M1("M1"), ASSOC("Assoc");

    private static final Region[] ALL = values();
    private final String label;

    Region(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** True for the areas whose units predict their input (all but the association region). */
    public boolean predicting() {
        return this != ASSOC;
    }

    /** The region of that label, or null. */
    public static Region ofLabel(String label) {
        for (Region r : ALL) if (r.label.equals(label)) return r;
        return null;
    }

    public static int count() {
        return ALL.length;
    }

    public static Region at(int ordinal) {
        return ALL[ordinal];
    }
}
