package org.ev3cortex.robot.sysfs;

import java.nio.file.Path;

/**
 * An attribute held a value we refuse to use: empty, not a number, or outside what the kernel
 * driver can report. Thrown only on that rare path; the device counts it and keeps its previous
 * good value, so garbage is never silently turned into a number.
 */
public final class GarbageValueException extends Exception {
    private static final long serialVersionUID = 1L;
    private final Path path;

    public GarbageValueException(Path path, String why) {
        super(path + ": " + why);
        this.path = path;
    }

    public Path path() {
        return path;
    }
}
