package org.ev3cortex.robot.sysfs;

import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bookkeeping of everything that went wrong reading or writing sysfs, shared by a body's
 * devices: garbage values are counted (and logged, thinned out), a device that returns garbage
 * {@code garbageLimit} times in a row or vanishes is a fault. A fault first runs the body's fault
 * action (stop every motor, LEDs red) and then is handed back to be thrown into the tick loop.
 */
public final class SysfsHealth {
    private static final Logger log = LoggerFactory.getLogger(SysfsHealth.class);

    /** What the body does on a fault before the exception propagates. Must not throw. */
    public interface FaultAction {
        void onFault(RuntimeException fault);
    }

    private volatile int garbageLimit;
    private final AtomicLong garbage = new AtomicLong();
    private final AtomicLong rejectedWrites = new AtomicLong();
    private volatile String lastError;
    private volatile RuntimeException fault;
    private volatile FaultAction action;
    private volatile Thread inAction; // the thread running the fault action, to stop re-entry

    public SysfsHealth(int garbageLimit) {
        this.garbageLimit = garbageLimit;
    }

    public void setGarbageLimit(int limit) {
        this.garbageLimit = limit;
    }

    public void onFault(FaultAction a) {
        this.action = a;
    }

    /** Garbage values read since start. */
    public long garbageCount() {
        return garbage.get();
    }

    /** Writes the kernel refused (EINVAL) or that we clamped before sending. */
    public long rejectedWriteCount() {
        return rejectedWrites.get();
    }

    /** The newest error message, or null. */
    public String lastError() {
        return lastError;
    }

    /** The fault that stopped the body, or null. */
    public RuntimeException fault() {
        return fault;
    }

    void clamped(SysfsDevice d, String what) {
        long n = rejectedWrites.incrementAndGet();
        String msg = d.describe() + ": " + what;
        lastError = msg;
        if (n <= 10 || n % 100 == 0) log.warn("{} (refused write #{})", msg, n);
    }

    /**
     * A write was refused (EINVAL) or failed: counted as a rejected write and made a fault. Returns
     * the fault to throw ({@link DeviceGoneException} when the device vanished).
     */
    RuntimeException refused(SysfsDevice d, String what, IOException e) {
        if (!Files.isDirectory(d.dir())) {
            return fault(new DeviceGoneException(d.describe() + " vanished (unplugged?): " + e.getMessage(), e));
        }
        rejectedWrites.incrementAndGet();
        return fault(new DeviceFaultException(d.describe() + ": " + what + " refused by the driver: " + e.getMessage(), e));
    }

    /**
     * A read or write failed. Returns normally when the caller should keep its previous value (a
     * counted garbage value); returns the fault to throw when the device is gone or keeps failing.
     */
    RuntimeException failed(SysfsDevice d, Exception e) {
        if (!Files.isDirectory(d.dir())) {
            return fault(new DeviceGoneException(d.describe() + " vanished (unplugged?): " + e.getMessage(), e));
        }
        long n = garbage.incrementAndGet();
        int streak = ++d.consecutiveErrors;
        String msg = e instanceof IOException ? d.describe() + ": I/O error " + e : e.getMessage();
        lastError = msg;
        if (n <= 10 || n % 100 == 0) log.warn("unusable value #{} ({} in a row from {}): {}", n, streak, d.describe(), msg);
        if (streak >= garbageLimit) {
            return fault(new DeviceFaultException(d.describe() + " returned " + streak
                    + " unusable values in a row (ev3.garbageLimit=" + garbageLimit + "); last: " + msg, e));
        }
        return null;
    }

    RuntimeException fault(RuntimeException f) {
        boolean first = fault == null;
        if (first) fault = f;
        lastError = f.getMessage();
        // The action stops every motor, which can fail on the vanished one and land back here.
        if (inAction == Thread.currentThread() || action == null) return f;
        inAction = Thread.currentThread();
        try {
            action.onFault(f);
        } catch (RuntimeException e) {
            log.error("fault action failed: {}", String.valueOf(e.getMessage()));
        } finally {
            inAction = null;
        }
        if (first) log.error("device fault: {}; motors stopped", f.getMessage());
        return f;
    }
}
