package org.ev3cortex.seam;

import org.ev3cortex.config.Config;

/**
 * The shape of what feeds each input area of the sheet, as the pathways declare it: the layout
 * rule checks, before anything runs, that each area is large enough. The composition root
 * implements it (it knows the pathways; the sheet does not).
 */
public interface PathwayShapes {
    /** {@code {width, height}} of the pathway output feeding {@code area} under {@code c}, or null. */
    int[] of(Region area, Config c);

    /** How that shape follows from the keys, for error messages, e.g. {@code a1.bands x 1}. */
    String source(Region area);
}
