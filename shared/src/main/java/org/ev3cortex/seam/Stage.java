package org.ev3cortex.seam;

import org.ev3cortex.config.Config;

/**
 * One step of the update phase (V1, A1, the sheet, M1...). The loop times each stage as its own
 * epoch, so an overrun names the slow one. A stage sees the tick only through the
 * {@link TickData} the loop hands it: it holds no reference to another stage.
 */
public interface Stage {
    /** A short name for timing and logs, e.g. {@code v1}. */
    String name();

    /**
     * Applies a new config. Called before the first tick and then between two ticks, never during
     * one. This is where buffers and lookup tables are (re)built; it may allocate.
     */
    default void configure(Config config) {}

    /** One tick's work. Must not allocate: it runs 10 times a second on a 64 MB brick. */
    void update(TickData tick);

    /**
     * Adds to {@code into} the operations one tick of this stage performs with its current config,
     * derived from its own loop bounds (never typed in): the brick budget's input. After
     * {@link #configure}. The default is a stage too small to matter.
     */
    default void countOps(OpCount into) {}
}
