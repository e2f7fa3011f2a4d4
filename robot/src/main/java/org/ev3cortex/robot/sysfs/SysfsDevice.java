package org.ev3cortex.robot.sysfs;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/** A device directory under an ev3dev class, with its attributes held open. */
public abstract class SysfsDevice implements AutoCloseable {
    private final Path dir;
    private final String address;
    private final String driverName;
    protected final SysfsHealth health;
    private final List<Attribute> open = new ArrayList<>();
    int consecutiveErrors;
    /** Set by {@link #close}; a stop after close is a no-op (close stopped the motor). */
    protected volatile boolean closed;

    protected SysfsDevice(Path dir, String address, String driverName, SysfsHealth health) {
        this.dir = dir;
        this.address = address;
        this.driverName = driverName;
        this.health = health;
    }

    public Path dir() {
        return dir;
    }

    /** e.g. {@code ev3-ports:outA}. */
    public String address() {
        return address;
    }

    public String driverName() {
        return driverName;
    }

    /** e.g. {@code tacho-motor/motor3 (lego-ev3-l-motor at ev3-ports:outA)}. */
    public String describe() {
        return dir.getParent().getFileName() + "/" + dir.getFileName() + " (" + driverName + " at " + address + ")";
    }

    /**
     * Opens an attribute, retrying until {@code deadlineNanos} while udev has not yet made it
     * accessible (a fresh device's files start root-only for a moment; this replaces
     * ev3dev-lang-java's fixed sleeps with a bounded poll).
     */
    protected final Attribute attribute(String name, boolean write, long deadlineNanos) throws IOException {
        Path p = dir.resolve(name);
        while (true) {
            try {
                Attribute a = write ? Attribute.open(p, true) : Attribute.open(p, false);
                open.add(a);
                return a;
            } catch (AccessDeniedException e) {
                if (System.nanoTime() - deadlineNanos > 0) {
                    throw new IOException(p + " is still not accessible (udev permissions?) after the device timeout", e);
                }
                LockSupport.parkNanos(5_000_000L);
            }
        }
    }

    protected final Attribute writeOnly(String name, long deadlineNanos) throws IOException {
        Path p = dir.resolve(name);
        while (true) {
            try {
                Attribute a = Attribute.openWriteOnly(p);
                open.add(a);
                return a;
            } catch (AccessDeniedException e) {
                if (System.nanoTime() - deadlineNanos > 0) {
                    throw new IOException(p + " is still not writable (udev permissions?) after the device timeout", e);
                }
                LockSupport.parkNanos(5_000_000L);
            }
        }
    }

    /** A good value arrived: the garbage streak is over. */
    protected final void ok() {
        consecutiveErrors = 0;
    }

    /** Handles a failed read: returns normally to keep the previous value, or throws the fault. */
    protected final void failed(Exception e) {
        RuntimeException f = health.failed(this, e);
        if (f != null) throw f;
    }

    @Override
    public void close() {
        closed = true;
        for (Attribute a : open) a.close();
        open.clear();
    }
}
