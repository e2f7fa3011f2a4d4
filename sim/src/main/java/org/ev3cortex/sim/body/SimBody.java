package org.ev3cortex.sim.body;

import java.io.IOException;
import org.ev3cortex.body.Battery;
import org.ev3cortex.body.Body;
import org.ev3cortex.body.BodyKeys;
import org.ev3cortex.body.Camera;
import org.ev3cortex.body.Clock;
import org.ev3cortex.body.LegoSensors;
import org.ev3cortex.body.Microphone;
import org.ev3cortex.body.MotorState;
import org.ev3cortex.body.Motors;
import org.ev3cortex.body.OshiSystemStats;
import org.ev3cortex.body.PixelFormat;
import org.ev3cortex.body.Reading;
import org.ev3cortex.body.SourceState;
import org.ev3cortex.body.StopAction;
import org.ev3cortex.body.SystemClock;
import org.ev3cortex.body.SystemStats;
import org.ev3cortex.body.Touch;
import org.ev3cortex.config.Config;
import org.ev3cortex.sim.SimKeys;
import org.ev3cortex.sim.world.Renderer;
import org.ev3cortex.sim.world.World;

/**
 * The simulated robot behind the {@link Body} seam. Its clock is the world's: when the loop sleeps
 * until its next tick, the world is stepped to that time, so a run goes as fast as the host can
 * compute it and is the same for the same seed. Senses are produced synchronously when read (no
 * capture threads), which keeps runs deterministic.
 */
public final class SimBody implements Body {
    private final World world;
    private final Renderer renderer;
    private final Clock clock;
    private final SimMotors motors;
    private final SimCamera camera;
    private final SimMicrophone microphone;
    private final SystemStats stats;
    private final String[] touchPorts;
    private final Battery battery;
    private final Touch touch;
    private final LegoSensors sensors;

    public SimBody(Config c) throws IOException {
        this.world = new World(c);
        String[] ports = BodyKeys.motorPorts(c);
        if (ports.length != 2) {
            throw new IllegalArgumentException("the simulated robot has two drive motors; body.motorPorts lists "
                    + ports.length + ": " + c.get(BodyKeys.MOTOR_PORTS));
        }
        this.touchPorts = BodyKeys.touchPorts(c);
        this.renderer = new Renderer(c.get(BodyKeys.CAMERA_WIDTH), c.get(BodyKeys.CAMERA_HEIGHT),
                c.get(SimKeys.CAMERA_FOV_DEG), c.get(SimKeys.CAMERA_HEIGHT_M));
        this.clock = new Clock() {
            @Override public long nanoTime() { return world.nanos(); }
            @Override public void sleepUntil(long deadlineNanos) throws InterruptedException {
                if (Thread.interrupted()) throw new InterruptedException();
                world.advanceTo(deadlineNanos);
            }
        };
        this.motors = new SimMotors(world, ports);
        this.camera = new SimCamera(world, renderer, BodyKeys.cameraFormat(c));
        this.microphone = new SimMicrophone(world, c.get(BodyKeys.MIC_CHANNELS));
        // Made when read, from a world that exists already: they run from the start, so the first
        // tick sees a frame and a sound window (activate() starting them again is harmless).
        camera.start();
        microphone.start();
        this.stats = c.get(SimKeys.HOST_STATS) ? new OshiSystemStats(SystemClock.INSTANCE, 1_000)
                : new SimSystemStats(world, c.get(SimKeys.SEED));
        this.battery = new Battery() {
            @Override public double voltageV() { return world.batteryV(); }
            @Override public double currentA() { return world.currentA(); }
        };
        this.touch = new Touch() {
            @Override public int count() { return touchPorts.length; }
            @Override public String port(int sensor) { return touchPorts[sensor]; }
            // Every touch sensor is the front bumper in the simulated robot.
            @Override public boolean pressed(int sensor) { return world.bumper(); }
        };
        int ultrasonics = BodyKeys.ultrasonicPorts(c).length;
        int gyros = BodyKeys.gyroPorts(c).length;
        if (BodyKeys.colorPorts(c).length > 0) {
            throw new IllegalArgumentException("the simulated robot has no colour sensor; body.colorPorts must be empty, is "
                    + c.get(BodyKeys.COLOR_PORTS));
        }
        // Every ultrasonic looks straight ahead from the front, every gyro sees the robot's turning;
        // ev3dev's gyro counts clockwise positive, the world counter-clockwise.
        this.sensors = ultrasonics + gyros == 0 ? null : new LegoSensors() {
            @Override public int ultrasonicCount() { return ultrasonics; }
            @Override public float distanceCm(int sensor) { return (float) Math.min(255, world.distanceAheadM() * 100); }
            @Override public int gyroCount() { return gyros; }
            @Override public float gyroAngleDeg(int sensor) { return (float) -Math.toDegrees(world.turnedRad()); }
            @Override public float gyroRateDegPerSec(int sensor) { return (float) -Math.toDegrees(world.turnRateRadPerS()); }
            @Override public int colorCount() { return 0; }
            @Override public float colorPercent(int sensor) { throw new IndexOutOfBoundsException(sensor); }
        };
    }

    public World world() { return world; }
    public Renderer renderer() { return renderer; }

    @Override public Camera camera() { return camera; }
    @Override public Microphone microphone() { return microphone; }
    @Override public Motors motors() { return motors; }
    @Override public Battery battery() { return battery; }
    @Override public SystemStats systemStats() { return stats; }
    @Override public Touch touch() { return touch; }
    @Override public LegoSensors sensors() { return sensors; }
    @Override public Clock clock() { return clock; }
    /** The world moves only between ticks: a host stall is not the robot's (see {@link Body#simulated}). */
    @Override public boolean simulated() { return true; }

    @Override
    public String describe() {
        return String.format(java.util.Locale.ROOT, "simulated EV3 in a %.1f x %.1f m arena (%d obstacles, %d lights, %d sounds)",
                world.widthM, world.heightM, world.obstacles.size(), world.lights.size(), world.sounds.size());
    }

    @Override
    public void close() {
        motors.stopAll(StopAction.BRAKE);
        camera.close();
        microphone.close();
        if (stats != null) stats.close();
    }

    /** The two drive motors, left first. */
    static final class SimMotors implements Motors {
        private final World world;
        private final String[] ports;

        SimMotors(World world, String[] ports) {
            this.world = world;
            this.ports = ports;
        }

        @Override public int count() { return 2; }
        @Override public String port(int motor) { return ports[motor]; }
        @Override public int maxSpeedCountsPerSec(int motor) { return world.maxSpeed(); }
        @Override public int countsPerRotation(int motor) { return 360; }
        @Override public void read(MotorState into) { world.readMotors(into); }
        @Override public void runForever(int motor, int speed) { world.runForever(motor, speed); }
        @Override public void runToRelPos(int motor, int delta, int speed) { world.runToRelPos(motor, delta, speed); }
        @Override public void runTimed(int motor, int ms, int speed) { world.runTimed(motor, ms, speed); }
        @Override public void stop(int motor, StopAction action) { world.stop(motor, action); }
    }

    /** A sense whose value is made when read; start/stop/close only change the state. */
    abstract static class SyncSource<B> implements org.ev3cortex.body.SensorSource<B> {
        private volatile SourceState state = SourceState.NEW;
        long sequence;

        @Override public void start() {
            if (state == SourceState.CLOSED) throw new IllegalStateException(name() + " is closed");
            state = SourceState.RUNNING;
        }
        @Override public void stop() { if (state != SourceState.CLOSED) state = SourceState.STOPPED; }
        @Override public SourceState state() { return state; }
        @Override public Throwable failure() { return null; }
        @Override public void close() { state = SourceState.CLOSED; }

        boolean running(Reading out) {
            out.state = state;
            return state == SourceState.RUNNING;
        }
    }

    static final class SimCamera extends SyncSource<byte[]> implements Camera {
        private final World world;
        private final Renderer renderer;
        private final PixelFormat format;

        SimCamera(World world, Renderer renderer, PixelFormat format) {
            this.world = world;
            this.renderer = renderer;
            this.format = format;
        }

        @Override public String name() { return "sim-camera"; }
        @Override public int width() { return renderer.width(); }
        @Override public int height() { return renderer.height(); }
        @Override public PixelFormat format() { return format; }

        @Override
        public long read(byte[] dst, Reading out) {
            if (!running(out)) {
                out.sequence = sequence;
                return sequence;
            }
            renderer.render(world);
            renderer.toFrame(format, dst);
            out.sequence = ++sequence;
            out.captureNanos = world.nanos();
            return sequence;
        }
    }

    static final class SimMicrophone extends SyncSource<short[]> implements Microphone {
        private final World world;
        private final int channels;
        private short[] stereo = new short[0];

        SimMicrophone(World world, int channels) {
            this.world = world;
            this.channels = channels;
        }

        @Override public String name() { return "sim-microphone"; }
        @Override public int sampleRateHz() { return World.AUDIO_RATE_HZ; }
        @Override public int channels() { return channels; }

        @Override
        public long read(short[] dst, Reading out) {
            if (!running(out)) {
                out.sequence = sequence;
                return sequence;
            }
            if (channels == 2) {
                world.copyNewestAudio(dst);
            } else {
                // A mono microphone hears the average of the two ear positions.
                if (stereo.length != dst.length * 2) stereo = new short[dst.length * 2]; // once, first read
                world.copyNewestAudio(stereo);
                for (int i = 0; i < dst.length; i++) dst[i] = (short) ((stereo[2 * i] + stereo[2 * i + 1]) / 2);
            }
            out.sequence = ++sequence;
            out.captureNanos = world.nanos();
            return sequence;
        }
    }
}
