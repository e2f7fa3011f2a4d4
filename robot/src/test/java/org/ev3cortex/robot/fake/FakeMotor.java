package org.ev3cortex.robot.fake;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.ev3cortex.body.MotorState;
import org.ev3cortex.body.Motors;
import org.ev3cortex.body.StopAction;

/**
 * An emulated {@code tacho-motor/motorN} with the lego-linux-drivers semantics we rely on:
 * position integrates the speed; run-to-rel-pos stops at current position + position_sp;
 * run-timed stops after time_sp; stop applies stop_action (hold shows "holding"); reset zeroes
 * position (but, unlike the kernel, keeps the set points: see {@code apply}); speed_sp beyond
 * max_speed is refused. {@link #block} jams the shaft:
 * speed drops to 0 and after 100 ms of commanded motion the state shows "stalled".
 */
public final class FakeMotor {
    static final long STALL_NANOS = 100_000_000L;

    final Path dir;
    public final String address;
    public final String driverName;
    public final int maxSpeed;
    private final Map<String, FakeFile> files = new ConcurrentHashMap<>();
    private final Map<String, String> raw = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>();
    private final List<String> applied = new ArrayList<>();
    private final Thread reader;
    private final FileChannel fifo;

    // Accepted set points (the last valid values written).
    private int speedSp;
    private int positionSp;
    private int timeSp;
    private String stopAction = "coast";

    private enum Mode { IDLE, FOREVER, TO_POS, TIMED }
    private Mode mode = Mode.IDLE;
    private double position;
    private int commandedSpeed;
    private int actualSpeed;
    private double target;
    private long until;
    private boolean holding;
    private volatile boolean blocked;
    private long blockedSince;
    private boolean stalled;
    private long lastNanos;
    private volatile int rejected;
    private volatile boolean unplugged;

    // When set, a simulator's motor does the physics; this file only translates sysfs to it.
    private Motors backing;
    private int backingIndex;
    private MotorState backingState;
    private int positionOffset;
    private boolean backingForever;

    FakeMotor(Path dir, String address, String driverName) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.address = address;
        this.driverName = driverName;
        this.maxSpeed = driverName.equals("lego-ev3-m-motor") ? 1560 : 1050;
        file("address", address);
        file("driver_name", driverName);
        file("count_per_rot", "360");
        file("max_speed", Integer.toString(maxSpeed));
        file("commands", "run-forever run-to-abs-pos run-to-rel-pos run-timed run-direct stop reset");
        file("stop_actions", "coast brake hold");
        file("polarity", "normal");
        file("duty_cycle_sp", "0");
        file("ramp_up_sp", "0");
        file("ramp_down_sp", "0");
        file("position", "0");
        file("speed", "0");
        file("state", "");
        file("speed_sp", "0");
        file("position_sp", "0");
        file("time_sp", "0");
        file("stop_action", "coast");
        Path cmd = dir.resolve("command");
        FakeEv3Tree.mkfifo(cmd);
        // Read-write so opening never blocks and the driver's writes never see "no reader".
        fifo = FileChannel.open(cmd, StandardOpenOption.READ, StandardOpenOption.WRITE);
        reader = new Thread(this::readCommands, "fake-" + dir.getFileName() + "-command");
        reader.setDaemon(true);
        reader.start();
        lastNanos = System.nanoTime();
    }

    private void file(String name, String value) throws IOException {
        files.put(name, new FakeFile(dir.resolve(name), value));
    }

    private void readCommands() {
        ByteBuffer buf = ByteBuffer.allocate(256);
        StringBuilder line = new StringBuilder();
        try {
            while (true) {
                buf.clear();
                int n = fifo.read(buf);
                if (n < 0) return;
                for (int i = 0; i < n; i++) {
                    char c = (char) buf.get(i);
                    if (c == '\n') {
                        queue.add(line.toString());
                        line.setLength(0);
                    } else {
                        line.append(c);
                    }
                }
            }
        } catch (IOException e) {
            // closed: unplugged or tree closed
        }
    }

    /**
     * Hands the physics to a simulator's motor: commands are forwarded to {@code motors} (its
     * motor {@code index}) and position, speed and state are published from its
     * {@link Motors#read}. This is how {@code serve-ev3} exposes a simulated robot.
     */
    public synchronized void driveWith(Motors motors, int index) {
        this.backing = motors;
        this.backingIndex = index;
        this.backingState = new MotorState(motors.count());
        motors.read(backingState);
        this.positionOffset = backingState.positionCounts[index];
    }

    /** Jams (or frees) the shaft. */
    public void block(boolean jammed) {
        blocked = jammed;
    }

    /** Makes an attribute read {@code rawBytes} exactly until {@link #clearRaw}; the model keeps running. */
    public void setRaw(String attribute, String rawBytes) throws IOException {
        raw.put(attribute, rawBytes);
        files.get(attribute).setRaw(rawBytes);
    }

    public void clearRaw(String attribute) {
        raw.remove(attribute);
    }

    /** Commands applied so far, in order, e.g. {@code run-forever@300}. */
    public synchronized List<String> applied() {
        return new ArrayList<>(applied);
    }

    /** Writes refused like the kernel's EINVAL (bad set point or unknown command). */
    public int rejected() {
        return rejected;
    }

    public synchronized double position() {
        return position;
    }

    public synchronized int speed() {
        return actualSpeed;
    }

    public synchronized boolean running() {
        return mode != Mode.IDLE;
    }

    public synchronized String state() {
        return stateText();
    }

    /** The attribute's current content as the driver would read it (first line). */
    public String read(String attribute) throws IOException {
        return files.get(attribute).get();
    }

    synchronized void step(long now) {
        if (unplugged) return;
        try {
            double dt = Math.max(0, now - lastNanos) / 1e9;
            lastNanos = now;
            // Commands first, set points after: a set point written before a command is then
            // surely seen when the command is applied (the driver writes speed_sp, then command).
            List<String> commands = new ArrayList<>();
            for (String c; (c = queue.poll()) != null; ) commands.add(c);
            if (backing != null) {
                stepBacked(commands);
                return;
            }
            // Motion up to now under the old command, then the new commands take effect at now.
            integrate(dt, now);
            acceptSetPoints();
            for (String c : commands) apply(c, now);
            // As in the kernel, a new speed_sp takes effect at once in run-forever.
            if (mode == Mode.FOREVER) commandedSpeed = speedSp;
            publish();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void stepBacked(List<String> commands) throws IOException {
        acceptSetPoints();
        int i = backingIndex;
        for (String c : commands) {
            switch (c.trim()) {
                case "run-forever": backing.runForever(i, speedSp); backingForever = true; break;
                case "run-to-rel-pos": backing.runToRelPos(i, positionSp, speedSp); backingForever = false; break;
                case "run-timed": backing.runTimed(i, timeSp, speedSp); backingForever = false; break;
                case "stop": backing.stop(i, StopAction.parse(stopAction)); backingForever = false; break;
                case "reset":
                    backing.stop(i, StopAction.COAST);
                    backingForever = false;
                    backing.read(backingState);
                    positionOffset = backingState.positionCounts[i];
                    break;
                default: rejected++; continue;
            }
            applied.add(c.trim() + "@" + (c.startsWith("stop") ? stopAction : Integer.toString(speedSp)));
        }
        backing.read(backingState);
        int flags = backingState.flags[i];
        StringBuilder st = new StringBuilder();
        if ((flags & MotorState.RUNNING) != 0) st.append("running");
        if ((flags & MotorState.HOLDING) != 0) st.append(st.length() > 0 ? " " : "").append("holding");
        if ((flags & MotorState.OVERLOADED) != 0) st.append(st.length() > 0 ? " " : "").append("overloaded");
        if ((flags & MotorState.STALLED) != 0) st.append(st.length() > 0 ? " " : "").append("stalled");
        position = backingState.positionCounts[i] - positionOffset;
        actualSpeed = backingState.speedCountsPerSec[i];
        mode = (flags & MotorState.RUNNING) != 0 ? Mode.FOREVER : Mode.IDLE;
        put("position", Long.toString(Math.round(position)));
        put("speed", Integer.toString(actualSpeed));
        put("state", st.toString());
    }

    private void acceptSetPoints() throws IOException {
        Integer v = intOf("speed_sp");
        if (v != null && Math.abs(v) <= maxSpeed) speedSp = v; else refuse("speed_sp", speedSp);
        v = intOf("position_sp");
        if (v != null) positionSp = v; else refuse("position_sp", positionSp);
        v = intOf("time_sp");
        if (v != null && v >= 0) timeSp = v; else refuse("time_sp", timeSp);
        String a = files.get("stop_action").get().trim();
        if (a.equals("coast") || a.equals("brake") || a.equals("hold")) stopAction = a;
        else {
            rejected++;
            files.get("stop_action").setRaw(stopAction + "\n");
        }
    }

    private Integer intOf(String name) throws IOException {
        String s = files.get(name).get().trim();
        try {
            return Integer.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void refuse(String name, int keep) throws IOException {
        rejected++;
        files.get(name).setRaw(keep + "\n");
    }

    private void apply(String cmd, long now) throws IOException {
        switch (cmd.trim()) {
            case "run-forever":
                start(Mode.FOREVER, speedSp);
                break;
            case "run-to-rel-pos":
                target = Math.round(position) + positionSp;
                start(Mode.TO_POS, (int) Math.signum(target - position) * Math.abs(speedSp));
                if (target == Math.round(position)) finish();
                break;
            case "run-timed":
                until = now + timeSp * 1_000_000L;
                start(Mode.TIMED, speedSp);
                break;
            case "stop":
                finish();
                break;
            case "reset":
                // The kernel also resets every set point to its default. Plain files cannot order
                // those writes against the command FIFO (the driver's next set points may already
                // be in the files), so the fake leaves set points alone; the driver rewrites them
                // after a reset anyway.
                mode = Mode.IDLE;
                position = 0;
                commandedSpeed = 0;
                actualSpeed = 0;
                holding = false;
                stalled = false;
                break;
            default:
                rejected++;
                return;
        }
        applied.add(cmd.trim() + "@" + (cmd.startsWith("stop") ? stopAction : Integer.toString(speedSp)));
    }

    private void start(Mode m, int speed) {
        mode = m;
        commandedSpeed = speed;
        holding = false;
        blockedSince = 0;
        stalled = false;
    }

    private void finish() {
        mode = Mode.IDLE;
        commandedSpeed = 0;
        actualSpeed = 0;
        stalled = false;
        holding = stopAction.equals("hold");
    }

    private void integrate(double dt, long now) {
        if (mode == Mode.IDLE) return;
        actualSpeed = blocked ? 0 : commandedSpeed;
        if (blocked && commandedSpeed != 0) {
            if (blockedSince == 0) blockedSince = now;
            stalled = now - blockedSince >= STALL_NANOS;
        } else {
            blockedSince = 0;
            stalled = false;
        }
        boolean timeUp = mode == Mode.TIMED && now - until >= 0;
        if (timeUp) dt = Math.max(0, dt - (now - until) / 1e9); // no motion past time_sp
        double next = position + actualSpeed * dt;
        if (mode == Mode.TO_POS && (commandedSpeed > 0 ? next >= target : next <= target)) {
            position = target;
            finish();
            return;
        }
        position = next;
        if (timeUp) finish();
    }

    private String stateText() {
        if (mode != Mode.IDLE) return stalled ? "running stalled" : "running";
        return holding ? "holding" : "";
    }

    private void publish() throws IOException {
        put("position", Long.toString(Math.round(position)));
        put("speed", Integer.toString(actualSpeed));
        put("state", stateText());
    }

    private void put(String name, String value) throws IOException {
        if (!raw.containsKey(name)) files.get(name).set(value);
    }

    synchronized void unplug() throws IOException {
        unplugged = true;
        mode = Mode.IDLE;
        for (FakeFile f : files.values()) f.setRaw("");
        close();
    }

    void close() {
        reader.interrupt();
        try {
            fifo.close();
        } catch (IOException ignored) {
            // test scaffolding
        }
        for (FakeFile f : files.values()) f.close();
    }

    @Override
    public String toString() {
        return dir.getFileName() + "@" + address + " " + new String(stateText().getBytes(StandardCharsets.US_ASCII), StandardCharsets.US_ASCII);
    }
}
