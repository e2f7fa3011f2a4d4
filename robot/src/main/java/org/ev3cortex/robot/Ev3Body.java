package org.ev3cortex.robot;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.ev3cortex.body.Battery;
import org.ev3cortex.body.Body;
import org.ev3cortex.body.BodyKeys;
import org.ev3cortex.body.Camera;
import org.ev3cortex.body.Clock;
import org.ev3cortex.body.Ev3Keys;
import org.ev3cortex.body.LegoSensors;
import org.ev3cortex.body.Microphone;
import org.ev3cortex.body.MotorState;
import org.ev3cortex.body.Motors;
import org.ev3cortex.body.CaptureGroup;
import org.ev3cortex.body.OshiSystemStats;
import org.ev3cortex.body.PixelFormat;
import org.ev3cortex.body.StopAction;
import org.ev3cortex.body.SystemClock;
import org.ev3cortex.body.SystemStats;
import org.ev3cortex.body.Touch;
import org.ev3cortex.config.Config;
import org.ev3cortex.robot.media.CommandCamera;
import org.ev3cortex.robot.media.CommandMicrophone;
import org.ev3cortex.robot.sysfs.LegoSensor;
import org.ev3cortex.robot.sysfs.PowerSupply;
import org.ev3cortex.robot.sysfs.StatusLeds;
import org.ev3cortex.robot.sysfs.Sysfs;
import org.ev3cortex.robot.sysfs.SysfsHealth;
import org.ev3cortex.robot.sysfs.TachoMotor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The EV3 under ev3dev: tacho motors, touch sensors, the battery and the status LEDs through
 * sysfs (under {@code ev3.sysfs.root}), the camera and microphone through subprocesses, and host
 * statistics through OSHI.
 *
 * <p>Every device is found by its port address at start-up (a bounded poll, never a fixed
 * sleep); after that a tick opens no file. A device that vanishes or keeps returning garbage
 * stops every motor, turns the LEDs red and faults the loop.
 */
public final class Ev3Body implements Body, LegoSensors {
    private static final Logger log = LoggerFactory.getLogger(Ev3Body.class);

    private final Sysfs sysfs;
    private final SysfsHealth health;
    private final Clock clock;
    private final TachoMotor[] motors;
    private final LegoSensor[] touchSensors;
    private final LegoSensor[] ultrasonics;
    private final LegoSensor[] gyros;
    private final LegoSensor[] colors;
    private final PowerSupply battery;
    private final StatusLeds leds;
    // The shared capture thread's nap when no pipe had data. The pipes fill meanwhile (10 fps of
    // 160x120 YUYV is 8 kB in 20 ms, a pipe holds 64 kB; arecord buffers half a second), so
    // nothing is lost; a frame waits at most this long. Each wake-up costs: on x86 the thread took
    // 0.21-0.22 s of CPU in 20 s at 5-10 ms, 0.14-0.16 s at 20 ms, 0.11 s at 40 ms, against 0.10-0.12 s
    // for three blocking threads.
    private static final long CAPTURE_IDLE_MS = 20;
    private final boolean shareCapture;
    private CaptureGroup capture;
    private final CommandCamera camera;
    private final CommandMicrophone microphone;
    private final SystemStats stats;
    private final Ev3Motors motorView = new Ev3Motors();
    private final Touch touchView;
    private final Battery batteryView;
    private final boolean[] touchLast;
    private volatile boolean closed;
    private final String buttonDevice;
    private volatile Runnable backAction;
    private volatile BackButton backButton;
    private volatile boolean loopFaulted; // the LEDs stay red after close

    /** Opens every device named by the config; on any failure, closes what was opened and throws. */
    public static Ev3Body open(Config config) {
        return open(config, SystemClock.INSTANCE);
    }

    public static Ev3Body open(Config config, Clock clock) {
        return new Ev3Body(config, clock);
    }

    private Ev3Body(Config c, Clock clock) {
        this.clock = clock;
        this.buttonDevice = c.get(Ev3Keys.BUTTONS_DEVICE);
        this.sysfs = new Sysfs(Paths.get(c.get(Ev3Keys.SYSFS_ROOT)));
        this.health = new SysfsHealth(c.get(Ev3Keys.GARBAGE_LIMIT));
        long deadline = System.nanoTime() + c.get(Ev3Keys.DEVICE_TIMEOUT_MS) * 1_000_000L;
        String[] motorPorts = BodyKeys.motorPorts(c);
        String[] touchPorts = BodyKeys.touchPorts(c);
        List<AutoCloseable> opened = new ArrayList<>();
        boolean done = false;
        try {
            leds = c.get(Ev3Keys.LEDS_ENABLED) ? new StatusLeds(sysfs) : null;
            if (leds != null) {
                opened.add(leds);
                leds.show(StatusLeds.Show.STARTING);
            }
            motors = new TachoMotor[motorPorts.length];
            for (int i = 0; i < motorPorts.length; i++) {
                String address = Sysfs.address(motorPorts[i]);
                Path dir = sysfs.find(Sysfs.TACHO_MOTOR, address, deadline);
                motors[i] = TachoMotor.open(dir, address, health, deadline);
                opened.add(motors[i]);
                motors[i].deadManMs(TachoMotor.deadManFor(c.get(org.ev3cortex.seam.LoopKeys.MOTOR_EXPIRY_MS)));
            }
            touchSensors = new LegoSensor[touchPorts.length];
            for (int i = 0; i < touchPorts.length; i++) {
                String address = Sysfs.address(touchPorts[i]);
                Path dir = sysfs.find(Sysfs.LEGO_SENSOR, address, deadline);
                touchSensors[i] = LegoSensor.open(dir, address, LegoSensor.TOUCH, health, deadline);
                opened.add(touchSensors[i]);
                touchSensors[i].setMode("TOUCH", deadline);
            }
            touchLast = new boolean[touchPorts.length];
            ultrasonics = sensors(BodyKeys.ultrasonicPorts(c), LegoSensor.ULTRASONIC, "US-DIST-CM", opened, deadline);
            gyros = sensors(BodyKeys.gyroPorts(c), LegoSensor.GYRO, "GYRO-G&A", opened, deadline);
            colors = sensors(BodyKeys.colorPorts(c), LegoSensor.COLOR, c.get(BodyKeys.COLOR_MODE), opened, deadline);
            battery = PowerSupply.open(sysfs, health, deadline);
            opened.add(battery);

            PixelFormat format = BodyKeys.cameraFormat(c);
            long backoffMin = c.get(Ev3Keys.MEDIA_BACKOFF_MIN_MS);
            long backoffMax = c.get(Ev3Keys.MEDIA_BACKOFF_MAX_MS);
            camera = c.get(Ev3Keys.CAMERA_ENABLED)
                    ? new CommandCamera(c.get(Ev3Keys.CAMERA_COMMAND), c.get(BodyKeys.CAMERA_WIDTH),
                            c.get(BodyKeys.CAMERA_HEIGHT), format,
                            Math.max(1, 1000 / c.get(org.ev3cortex.seam.LoopKeys.PERIOD_MS)), clock, backoffMin, backoffMax)
                    : null;
            if (camera != null) opened.add(camera);
            microphone = c.get(Ev3Keys.MIC_ENABLED)
                    ? new CommandMicrophone(c.get(Ev3Keys.MIC_COMMAND), c.get(Ev3Keys.MIC_DEVICE),
                            c.get(BodyKeys.MIC_RATE_HZ), c.get(BodyKeys.MIC_CHANNELS), c.get(Ev3Keys.MIC_CHUNK_FRAMES),
                            c.get(BodyKeys.MIC_RING_SAMPLES), clock, backoffMin, backoffMax)
                    : null;
            if (microphone != null) opened.add(microphone);
            // Started by activate(), after the first tick: OSHI loads JNA and several hundred
            // classes, and the capture commands a process each, which would delay the first tick.
            stats = c.get(Ev3Keys.STATS_ENABLED)
                    ? new OshiSystemStats(clock, c.get(Ev3Keys.STATS_INTERVAL_MS))
                    : null;
            shareCapture = c.get(Ev3Keys.CAPTURE_SHARED);
            done = true;
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the ev3dev devices: " + e.getMessage(), e);
        } finally {
            if (!done) {
                for (AutoCloseable a : opened) closeQuietly(a);
            }
        }
        health.onFault(new SysfsHealth.FaultAction() {
            @Override
            public void onFault(RuntimeException fault) {
                stopEverything();
            }
        });
        this.touchView = new Touch() {
            @Override public int count() { return touchSensors.length; }
            @Override public String port(int sensor) { return touchPorts[sensor]; }
            @Override public boolean pressed(int sensor) {
                // Touch reports 0 or 1; garbage keeps the previous reading (counted in health).
                touchLast[sensor] = touchSensors[sensor].readRaw(0) != 0;
                return touchLast[sensor];
            }
        };
        this.batteryView = new Battery() {
            @Override public double voltageV() { return battery.voltageV(); }
            @Override public double currentA() { return battery.currentA(); }
        };
        log.info("ev3dev body ready under {}: {}", sysfs.root(), describe());
    }

    /** Opens each port's sensor, checks its driver and selects {@code mode}. */
    private LegoSensor[] sensors(String[] ports, String driver, String mode, List<AutoCloseable> opened, long deadline)
            throws IOException {
        LegoSensor[] out = new LegoSensor[ports.length];
        for (int i = 0; i < ports.length; i++) {
            String address = Sysfs.address(ports[i]);
            Path dir = sysfs.find(Sysfs.LEGO_SENSOR, address, deadline);
            out[i] = LegoSensor.open(dir, address, driver, health, deadline);
            opened.add(out[i]);
            out[i].setMode(mode, deadline);
        }
        return out;
    }

    private static void closeQuietly(AutoCloseable a) {
        try {
            a.close();
        } catch (Exception e) {
            log.debug("close failed: {}", e.toString());
        }
    }

    /** Stops every motor that can still be stopped and shows the fault. Never throws. */
    private void stopEverything() {
        for (TachoMotor m : motors) {
            try {
                m.stop(StopAction.BRAKE);
            } catch (RuntimeException e) {
                log.debug("{} cannot be stopped: {}", m.describe(), e.getMessage());
            }
        }
        if (leds != null) leds.show(StatusLeds.Show.FAULT);
    }

    /** Errors and faults seen so far. */
    public SysfsHealth health() {
        return health;
    }

    public StatusLeds leds() {
        return leds;
    }

    /**
     * What a press of the back button does (stop the agent); the button is watched from
     * {@link #activate()} on. Without an action, or with {@code ev3.buttons.device} empty, it is not.
     */
    public void onBackButton(Runnable stop) {
        backAction = stop;
    }

    /** The first tick has read and commanded every device: LEDs green, background senses and the back button on. */
    @Override
    public void activate() {
        if (leds != null && health.fault() == null) leds.show(StatusLeds.Show.RUNNING);
        log.info("first tick done: starting the camera, microphone and system statistics");
        if (shareCapture && capture == null) {
            // One thread polls the camera's and the microphone's pipes and samples the
            // statistics, where each would otherwise block on a thread of its own. Made here, not
            // at construction, so its class loads after the first tick.
            capture = new CaptureGroup("capture", CAPTURE_IDLE_MS);
            share(camera);
            share(microphone);
            if (stats instanceof OshiSystemStats) share((OshiSystemStats) stats);
        }
        Body.super.activate();
        Runnable stop = backAction;
        if (stop != null && !buttonDevice.isEmpty() && backButton == null) {
            backButton = BackButton.start(Paths.get(buttonDevice), stop);
        }
    }

    /** Moves a source not yet started onto the shared capture thread. */
    private void share(org.ev3cortex.body.ThreadedSource<?> source) {
        if (source != null && source.state() == org.ev3cortex.body.SourceState.NEW) source.shareThread(capture);
    }

    /** A fault the loop reported (a stage threw, a device failed): LEDs red. */
    @Override
    public void onFault(Throwable cause) {
        loopFaulted = true;
        if (leds != null) leds.show(StatusLeds.Show.FAULT);
    }

    @Override public Camera camera() { return camera; }
    @Override public Microphone microphone() { return microphone; }
    @Override public Motors motors() { return motorView; }
    @Override public Battery battery() { return batteryView; }
    @Override public SystemStats systemStats() { return stats; }
    @Override public Touch touch() { return touchView; }
    /** This body itself, when an ultrasonic, gyro or colour sensor is configured. */
    @Override public LegoSensors sensors() { return ultrasonics.length + gyros.length + colors.length == 0 ? null : this; }

    // LegoSensors: garbage keeps the previous reading (counted in health), as for touch.
    @Override public int ultrasonicCount() { return ultrasonics.length; }
    /** US-DIST-CM: value0 in cm with one decimal. */
    @Override public float distanceCm(int sensor) { return ultrasonics[sensor].read(0); }
    @Override public int gyroCount() { return gyros.length; }
    /** GYRO-G&A: value0 the angle (deg), value1 the rate (deg/s). */
    @Override public float gyroAngleDeg(int sensor) { return gyros[sensor].read(0); }
    @Override public float gyroRateDegPerSec(int sensor) { return gyros[sensor].read(1); }
    @Override public int colorCount() { return colors.length; }
    @Override public float colorPercent(int sensor) { return colors[sensor].read(0); }
    @Override public Clock clock() { return clock; }

    @Override
    public String describe() {
        StringBuilder b = new StringBuilder("ev3dev brick (");
        for (int i = 0; i < motors.length; i++) {
            b.append(i == 0 ? "" : ", ").append(motors[i].address()).append(' ').append(motors[i].driverName());
        }
        b.append("; ").append(touchSensors.length).append(" touch");
        if (ultrasonics.length > 0) b.append(", ").append(ultrasonics.length).append(" ultrasonic");
        if (gyros.length > 0) b.append(", ").append(gyros.length).append(" gyro");
        if (colors.length > 0) b.append(", ").append(colors.length).append(" colour");
        b.append(camera != null ? "; camera " + camera.width() + "x" + camera.height() : "; no camera");
        b.append(microphone != null ? "; mic " + microphone.channels() + " ch" : "; no mic");
        return b.append(')').toString();
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        for (TachoMotor m : motors) {
            try {
                m.stop(StopAction.BRAKE);
            } catch (RuntimeException e) {
                log.warn("{} cannot be stopped at close: {}", m.describe(), e.getMessage());
            }
        }
        if (camera != null) camera.close();
        if (microphone != null) microphone.close();
        if (stats != null) stats.close();
        BackButton b = backButton;
        if (b != null) b.close();
        if (leds != null) {
            if (health.fault() == null && !loopFaulted) leds.show(StatusLeds.Show.OFF);
        }
        for (TachoMotor m : motors) m.close();
        for (LegoSensor s : touchSensors) s.close();
        for (LegoSensor s : ultrasonics) s.close();
        for (LegoSensor s : gyros) s.close();
        for (LegoSensor s : colors) s.close();
        battery.close();
        if (leds != null) leds.close();
    }

    /** The motors in {@code body.motorPorts} order. */
    public final class Ev3Motors implements Motors {
        @Override public int count() { return motors.length; }
        @Override public String port(int motor) { return motors[motor].address().substring(motors[motor].address().indexOf(':') + 1); }
        @Override public int maxSpeedCountsPerSec(int motor) { return motors[motor].maxSpeedCountsPerSec(); }
        @Override public int countsPerRotation(int motor) { return motors[motor].countsPerRotation(); }

        /** The kernel dead-man follows the loop's motor expiry (a little longer; see TachoMotor). */
        @Override
        public void expiryMs(int ms) {
            for (TachoMotor m : motors) m.deadManMs(TachoMotor.deadManFor(ms));
        }

        @Override
        public void read(MotorState into) {
            for (int i = 0; i < motors.length; i++) motors[i].read(i, into);
        }

        @Override public void runForever(int motor, int speed) { motors[motor].runForever(speed); }
        @Override public void runToRelPos(int motor, int delta, int speed) { motors[motor].runToRelPos(delta, speed); }
        @Override public void runTimed(int motor, int timeMs, int speed) { motors[motor].runTimed(timeMs, speed); }
        @Override public void stop(int motor, StopAction action) { motors[motor].stop(action); }

        /** ev3dev {@code reset}: stops the motor and zeroes its position and set points. */
        public void reset(int motor) { motors[motor].reset(); }
    }
}
