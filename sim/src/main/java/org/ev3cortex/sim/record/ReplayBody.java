package org.ev3cortex.sim.record;

import org.ev3cortex.body.Battery;
import org.ev3cortex.body.Body;
import org.ev3cortex.body.Camera;
import org.ev3cortex.body.Clock;
import org.ev3cortex.body.Microphone;
import org.ev3cortex.body.MotorState;
import org.ev3cortex.body.Motors;
import org.ev3cortex.body.PixelFormat;
import org.ev3cortex.body.Reading;
import org.ev3cortex.body.SourceState;
import org.ev3cortex.body.StopAction;
import org.ev3cortex.body.SystemStats;
import org.ev3cortex.body.Touch;

/**
 * A body that plays a recording back: each tick's senses and clock exactly as they were read,
 * and motors that take commands without moving (what was commanded is compared, not simulated).
 * The replay moves it to the next tick after each tick ({@link #next()}).
 */
final class ReplayBody implements Body {
    private final Senses s;
    private final String describe;
    private int t;

    private final Clock clock = new Clock() {
        @Override public long nanoTime() { return s.nanos[t]; }
        @Override public void sleepUntil(long deadlineNanos) throws InterruptedException {
            if (Thread.interrupted()) throw new InterruptedException();
        }
    };

    private abstract static class Source {
        public String name() { return "replay"; }
        public void start() {}
        public void stop() {}
        public SourceState state() { return SourceState.RUNNING; }
        public Throwable failure() { return null; }
        public void close() {}
    }

    private final Camera camera;
    private final Microphone microphone;
    private final SystemStats stats;

    private final Motors motors = new Motors() {
        @Override public int count() { return s.motorPorts.length; }
        @Override public String port(int motor) { return s.motorPorts[motor]; }
        @Override public int maxSpeedCountsPerSec(int motor) { return s.maxSpeed[motor]; }
        @Override public int countsPerRotation(int motor) { return s.countsPerRotation[motor]; }
        @Override public void read(MotorState into) {
            System.arraycopy(s.position[t], 0, into.positionCounts, 0, into.count());
            System.arraycopy(s.speed[t], 0, into.speedCountsPerSec, 0, into.count());
            System.arraycopy(s.flags[t], 0, into.flags, 0, into.count());
        }
        @Override public void runForever(int motor, int speed) {}
        @Override public void runToRelPos(int motor, int delta, int speed) {}
        @Override public void runTimed(int motor, int ms, int speed) {}
        @Override public void stop(int motor, StopAction action) {}
    };

    private final Battery battery = new Battery() {
        @Override public double voltageV() { return s.batteryV[t]; }
        @Override public double currentA() { return s.batteryA[t]; }
    };

    private final Touch touch = new Touch() {
        @Override public int count() { return s.touchPorts.length; }
        @Override public String port(int sensor) { return s.touchPorts[sensor]; }
        @Override public boolean pressed(int sensor) { return s.touch[t][sensor]; }
    };

    ReplayBody(Senses senses, String describe) {
        this.s = senses;
        this.describe = describe;
        final class Cam extends Source implements Camera {
            @Override public int width() { return s.width; }
            @Override public int height() { return s.height; }
            @Override public PixelFormat format() { return s.format; }
            @Override public long read(byte[] dst, Reading out) {
                System.arraycopy(s.frames[t], 0, dst, 0, dst.length);
                return reading(out, s.frameReading[t], s.frameState[t]);
            }
        }
        final class Mic extends Source implements Microphone {
            @Override public int sampleRateHz() { return s.sampleRate; }
            @Override public int channels() { return s.channels; }
            @Override public long read(short[] dst, Reading out) {
                System.arraycopy(s.audio[t], 0, dst, 0, dst.length);
                return reading(out, s.audioReading[t], s.audioState[t]);
            }
        }
        final class Stats extends Source implements SystemStats {
            @Override public long read(double[] dst, Reading out) {
                System.arraycopy(s.stats[t], 0, dst, 0, dst.length);
                return reading(out, s.statsReading[t], s.statsState[t]);
            }
        }
        this.camera = s.frames == null ? null : new Cam();
        this.microphone = s.audio == null ? null : new Mic();
        this.stats = s.hasStats ? new Stats() : null;
    }

    private static long reading(Reading out, long[] r, SourceState state) {
        out.sequence = r[0];
        out.captureNanos = r[1];
        out.state = state;
        return r[0];
    }

    /** The tick being replayed. */
    int tick() { return t; }

    /** Moves to the next recorded tick; false after the last. */
    boolean next() {
        if (t + 1 >= s.ticks) return false;
        t++;
        return true;
    }

    @Override public Camera camera() { return camera; }
    @Override public Microphone microphone() { return microphone; }
    @Override public Motors motors() { return motors; }
    @Override public Battery battery() { return battery; }
    @Override public SystemStats systemStats() { return stats; }
    @Override public Touch touch() { return touch; }
    @Override public Clock clock() { return clock; }
    /** The world moves only between ticks: a host stall is not the robot's (see {@link Body#simulated}). */
    @Override public boolean simulated() { return true; }
    @Override public String describe() { return describe; }
    @Override public void close() {}
}
