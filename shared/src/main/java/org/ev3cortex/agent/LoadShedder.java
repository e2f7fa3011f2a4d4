package org.ev3cortex.agent;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a machine too slow for the period gives up, in a declared order: learning first, never the
 * control path. When ticks end late (past the next tick's deadline, on the body's clock) in
 * {@code safety.shed.lateTicks} of the last {@value #WINDOW} ticks, the sheet learns only every
 * 2nd tick, then every 4th, then every 8th; after {@value #CALM} ticks in a row on time it learns
 * twice as often again. The pathways, the sheet's predictions (surprise), the reflexes, selection
 * and M1 run every tick at every level.
 */
final class LoadShedder {
    private static final Logger log = LoggerFactory.getLogger(LoadShedder.class);
    /** Learning every {@code LEARN_EVERY[level]} ticks. */
    static final int[] LEARN_EVERY = {1, 2, 4, 8};
    static final int WINDOW = 20;
    static final int CALM = 50;

    private final boolean[] lateRing = new boolean[WINDOW];
    private int ringPos;
    private int lateInWindow;
    private int onTimeRun;
    private int level;
    private int lateTicks = 5;

    void lateTicks(int n) {
        lateTicks = n;
    }

    /** The tick just ended late or not; adjusts the level. Loop thread, no allocation. */
    void ended(boolean late, long tick) {
        if (lateRing[ringPos]) lateInWindow--;
        lateRing[ringPos] = late;
        if (late) lateInWindow++;
        ringPos = ringPos + 1 == WINDOW ? 0 : ringPos + 1;
        onTimeRun = late ? 0 : onTimeRun + 1;
        if (lateTicks > 0 && lateInWindow >= lateTicks && level < LEARN_EVERY.length - 1) {
            level++;
            java.util.Arrays.fill(lateRing, false);
            lateInWindow = 0;
            log.warn("tick {}: {} of the last {} ticks ended late; the sheet now learns every {} ticks (control runs every tick)",
                    tick, lateTicks, WINDOW, LEARN_EVERY[level]);
        } else if (level > 0 && onTimeRun >= CALM) {
            level--;
            onTimeRun = 0;
            log.info("tick {}: {} ticks on time; the sheet learns every {} tick(s) again", tick, CALM, LEARN_EVERY[level]);
        }
    }

    /** Whether the sheet learns in this tick. */
    boolean learnIn(long tick) {
        return tick % LEARN_EVERY[level] == 0;
    }

    int learnEvery() {
        return LEARN_EVERY[level];
    }
}
