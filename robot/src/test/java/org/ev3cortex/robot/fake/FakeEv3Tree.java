package org.ev3cortex.robot.fake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * An ev3dev sysfs tree that behaves like the kernel drivers, for tests and for running the
 * unchanged brick jar against a simulator. Layout as on the brick:
 * {@code tacho-motor/motorN}, {@code lego-sensor/sensorN}, {@code power_supply/lego-ev3-battery},
 * {@code leds/led{0,1}:{red,green}:brick-status}.
 *
 * <p>A background thread steps every device every {@code stepMs}: motors apply their commands
 * and integrate, sensors switch modes. How plain files stand in for the kernel:
 * <ul>
 *   <li>{@code command} is a FIFO: each written command arrives once, in order;</li>
 *   <li>a rejected write (e.g. {@code speed_sp} above {@code max_speed}, which the kernel refuses
 *       with EINVAL) cannot fail a plain file's write(2), so the emulator restores the previous
 *       value within one step and commands keep using it, as the kernel would;</li>
 *   <li>unplugging empties every attribute and removes the device directory, so the driver's
 *       open files read nothing and its directory check finds the device gone (the kernel answers
 *       ENODEV; the driver handles both the same way).</li>
 * </ul>
 */
public final class FakeEv3Tree implements AutoCloseable {
    private final Path root;
    private final List<FakeMotor> motors = new CopyOnWriteArrayList<>();
    private final List<FakeSensor> sensors = new CopyOnWriteArrayList<>();
    private final FakeFile voltage;
    private final FakeFile current;
    private final List<FakeFile> leds = new ArrayList<>();
    private int nextMotor;
    private int nextSensor;
    private volatile Thread thread;
    private volatile long steps;

    public FakeEv3Tree(Path root) throws IOException {
        this.root = root;
        Files.createDirectories(root.resolve("tacho-motor"));
        Files.createDirectories(root.resolve("lego-sensor"));
        Path bat = Files.createDirectories(root.resolve("power_supply/lego-ev3-battery"));
        voltage = new FakeFile(bat.resolve("voltage_now"), "7800000");
        current = new FakeFile(bat.resolve("current_now"), "180000");
        new FakeFile(bat.resolve("type"), "Unknown").close();
        for (String led : new String[] {"led0:red:brick-status", "led0:green:brick-status",
                "led1:red:brick-status", "led1:green:brick-status"}) {
            Path d = Files.createDirectories(root.resolve("leds").resolve(led));
            new FakeFile(d.resolve("max_brightness"), "255").close();
            leds.add(new FakeFile(d.resolve("brightness"), "0"));
        }
    }

    public Path root() {
        return root;
    }

    /** Adds a motor at {@code port} ({@code outA}..{@code outD}); the directory number is the plug order. */
    public FakeMotor addMotor(String port, String driverName) throws IOException {
        Path dir = root.resolve("tacho-motor").resolve("motor" + nextMotor++);
        FakeMotor m = new FakeMotor(dir, "ev3-ports:" + port, driverName);
        motors.add(m);
        return m;
    }

    /** Adds a sensor; its first mode is selected. */
    public FakeSensor addSensor(String port, String driverName) throws IOException {
        Path dir = root.resolve("lego-sensor").resolve("sensor" + nextSensor++);
        FakeSensor s = new FakeSensor(dir, "ev3-ports:" + port, driverName);
        sensors.add(s);
        return s;
    }

    public void setBattery(int microvolts, int microamps) throws IOException {
        voltage.set(Integer.toString(microvolts));
        current.set(Integer.toString(microamps));
    }

    /** Writes raw bytes into a battery attribute ({@code voltage_now}, {@code current_now}). */
    public void setBatteryRaw(String attribute, String raw) throws IOException {
        ("voltage_now".equals(attribute) ? voltage : current).setRaw(raw);
    }

    /** The brightness of an LED, e.g. {@code led0:red:brick-status}. */
    public int led(String name) throws IOException {
        for (FakeFile f : leds) {
            if (f.path.getParent().getFileName().toString().equals(name)) return Integer.parseInt(f.get().trim());
        }
        throw new IllegalArgumentException(name);
    }

    /** Unplugs a device: it stops, its files read empty, its directory goes. */
    public synchronized void unplug(FakeMotor m) throws IOException {
        motors.remove(m);
        m.unplug();
        deleteTree(m.dir);
    }

    public synchronized void unplug(FakeSensor s) throws IOException {
        sensors.remove(s);
        s.unplug();
        deleteTree(s.dir);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> w = Files.walk(dir)) {
            w.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** Steps once: every motor and sensor applies what was written since the last step. */
    public synchronized void step(long nowNanos) {
        // One broken device must not stop the emulation of the others.
        for (FakeMotor m : motors) {
            try {
                m.step(nowNanos);
            } catch (RuntimeException e) {
                System.err.println("fake ev3dev: " + m + ": " + e);
            }
        }
        for (FakeSensor s : sensors) {
            try {
                s.step();
            } catch (RuntimeException e) {
                System.err.println("fake ev3dev: " + s.dir + ": " + e);
            }
        }
        steps++;
    }

    public long steps() {
        return steps;
    }

    /** Starts stepping in the background every {@code stepMs} on the real clock. */
    public synchronized FakeEv3Tree start(long stepMs) {
        if (thread != null) return this;
        Thread t = new Thread(() -> {
            while (thread == Thread.currentThread()) {
                step(System.nanoTime());
                LockSupport.parkNanos(stepMs * 1_000_000L);
            }
        }, "fake-ev3dev");
        t.setDaemon(true);
        thread = t;
        t.start();
        return this;
    }

    /** Waits until the emulator has stepped at least twice more (so earlier writes are applied). */
    public void settle() {
        long target = steps + 2;
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (steps < target && System.nanoTime() < deadline) LockSupport.parkNanos(500_000L);
        if (steps < target) throw new IllegalStateException("emulator not stepping (start() not called?)");
    }

    @Override
    public void close() {
        Thread t = thread;
        thread = null;
        if (t != null) {
            try {
                t.join(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (FakeMotor m : motors) m.close();
        for (FakeSensor s : sensors) s.close();
        voltage.close();
        current.close();
        for (FakeFile f : leds) f.close();
    }

    static void mkfifo(Path p) throws IOException {
        try {
            Process pr = new ProcessBuilder("mkfifo", p.toString()).redirectErrorStream(true).start();
            if (pr.waitFor() != 0) throw new IOException("mkfifo " + p + " failed: " + new String(pr.getInputStream().readAllBytes()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
