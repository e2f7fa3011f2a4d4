package org.ev3cortex.seam;

/**
 * A source of one sheet area's input: a sensory pathway (V1's hemifields, A1's ears, S1, the
 * Insula) or M1's population. It owns its output array and declares its shape once; the cortex
 * stage, which is handed the registered pathways, copies {@link #output()} into {@link #region()}
 * each tick. The shape is valid after {@code configure} and fixed until the next one.
 */
public interface Pathway {
    /** The sheet area this output feeds. */
    Region region();

    /** Columns of {@link #output()}. */
    int width();

    /** Rows of {@link #output()}. */
    int height();

    /** Row-major {@code width() x height()} values, refilled by the owner's tick. */
    float[] output();
}
