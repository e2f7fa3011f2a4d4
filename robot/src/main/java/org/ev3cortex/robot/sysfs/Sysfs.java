package org.ev3cortex.robot.sysfs;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/** ev3dev's device classes under a root ({@code /sys/class} on the brick, a fake tree in tests). */
public final class Sysfs {
    public static final String TACHO_MOTOR = "tacho-motor";
    public static final String LEGO_SENSOR = "lego-sensor";
    public static final String POWER_SUPPLY = "power_supply";
    public static final String LEDS = "leds";

    private final Path root;

    public Sysfs(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** The full ev3dev address of a port name: {@code outA} becomes {@code ev3-ports:outA}. */
    public static String address(String port) {
        return port.contains(":") ? port : "ev3-ports:" + port;
    }

    /**
     * Finds the device of {@code deviceClass} whose {@code address} is {@code address}, polling
     * until {@code deadlineNanos} (a motor being plugged in, the driver still probing). The
     * directory's number is never trusted: ev3dev numbers devices in plug order.
     *
     * @throws IllegalStateException naming the port and what was found on the other ports
     */
    public Path find(String deviceClass, String address, long deadlineNanos) {
        while (true) {
            Path p = lookup(deviceClass, address);
            if (p != null) return p;
            if (System.nanoTime() - deadlineNanos > 0) {
                throw new IllegalStateException("no " + deviceClass + " at " + address + " under " + root
                        + "; found: " + inventory());
            }
            LockSupport.parkNanos(10_000_000L);
        }
    }

    private Path lookup(String deviceClass, String address) {
        Path dir = root.resolve(deviceClass);
        if (!Files.isDirectory(dir)) return null;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path d : ds) {
                String a = readSmall(d.resolve("address"));
                if (address.equals(a)) return d;
            }
        } catch (IOException e) {
            return null; // a device disappearing while we list; the next poll sees the truth
        }
        return null;
    }

    /** Every motor and sensor present, e.g. {@code motor0=lego-ev3-m-motor@ev3-ports:outA}. */
    public String inventory() {
        List<String> found = new ArrayList<>();
        for (String cls : new String[] {TACHO_MOTOR, LEGO_SENSOR}) {
            Path dir = root.resolve(cls);
            if (!Files.isDirectory(dir)) continue;
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
                for (Path d : ds) {
                    found.add(cls + "/" + d.getFileName() + "=" + readSmall(d.resolve("driver_name")) + "@"
                            + readSmall(d.resolve("address")));
                }
            } catch (IOException e) {
                found.add(cls + ": unreadable (" + e.getMessage() + ")");
            }
        }
        java.util.Collections.sort(found);
        return found.isEmpty() ? "nothing (is " + root + " an ev3dev sysfs tree?)" : String.join(", ", found);
    }

    /** Reads a start-up attribute's first line; null if it cannot be read. */
    static String readSmall(Path p) {
        try {
            byte[] b;
            try (java.io.InputStream in = Files.newInputStream(p)) {
                b = in.readNBytes(4096); // an attribute is one short line; never read an endless file
            }
            String s = Attribute.ascii(b, b.length);
            int nl = s.indexOf('\n');
            return nl >= 0 ? s.substring(0, nl) : s;
        } catch (IOException e) {
            return null;
        }
    }
}
