package org.ev3cortex.seam;

import org.ev3cortex.config.Config;

/**
 * The shape of a pathway's output as a function of the config, declared once by the pathway: it
 * sizes the pathway's own output when the config is applied, and the layout rule checks, before
 * anything runs, that the sheet area it feeds is large enough.
 */
public abstract class Shape {
    private final String source;

    /** @param source how the shape follows from the keys, for error messages, e.g. {@code a1.bands x 1} */
    protected Shape(String source) {
        this.source = source;
    }

    public final String source() {
        return source;
    }

    public abstract int width(Config c);

    public abstract int height(Config c);
}
