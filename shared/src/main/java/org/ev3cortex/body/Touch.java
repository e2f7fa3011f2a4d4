package org.ev3cortex.body;

/** Touch sensors, by index (the order of {@code body.touchPorts}). */
public interface Touch {
    int count();

    String port(int sensor);

    boolean pressed(int sensor);

    /** No touch sensors. */
    Touch NONE = new Touch() {
        @Override public int count() { return 0; }
        @Override public String port(int sensor) { throw new IndexOutOfBoundsException(sensor); }
        @Override public boolean pressed(int sensor) { throw new IndexOutOfBoundsException(sensor); }
    };
}
