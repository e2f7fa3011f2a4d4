package org.ev3cortex.body;

/**
 * A body with no hardware: motors that mirror their commands back as state (position integrates
 * speed on the body clock, as ros2_control's mock components do), a settable battery and touch
 * sensors, and no camera or microphone. Tests drive the real loop against it, and the laptop
 * body uses its motors, since a laptop has no wheels.
 */
public final class LoopbackBody implements Body {
    private final Clock clock;
    private final LoopbackMotors motors;
    private final boolean[] touch;
    private final String[] touchPorts;
    private volatile double voltageV = 8.0;
    private volatile double currentA = 0.2;
    private volatile boolean closed;
    private final Battery battery = new Battery() {
        @Override public double voltageV() { return voltageV; }
        @Override public double currentA() { return currentA; }
    };
    private final Touch touchSensors = new Touch() {
        @Override public int count() { return touch.length; }
        @Override public String port(int sensor) { return touchPorts[sensor]; }
        @Override public boolean pressed(int sensor) { return touch[sensor]; }
    };

    public LoopbackBody(Clock clock, String[] motorPorts, String[] touchPorts) {
        this.clock = clock;
        this.motors = new LoopbackMotors(clock, motorPorts);
        this.touchPorts = touchPorts.clone();
        this.touch = new boolean[touchPorts.length];
    }

    @Override public Camera camera() { return null; }
    @Override public Microphone microphone() { return null; }
    @Override public SystemStats systemStats() { return null; }
    @Override public LoopbackMotors motors() { return motors; }
    @Override public Clock clock() { return clock; }

    @Override
    public Battery battery() {
        return battery;
    }

    @Override
    public Touch touch() {
        return touchSensors;
    }

    public void setBatteryVoltage(double v) {
        voltageV = v;
    }

    public void setTouch(int sensor, boolean pressed) {
        touch[sensor] = pressed;
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public String describe() {
        return "loopback body (" + motors.count() + " motors, " + touch.length + " touch)";
    }

    @Override
    public void close() {
        motors.stopAll(StopAction.BRAKE);
        closed = true;
    }

    /** Motors that obey at once: speed is the commanded speed; position integrates it. */
    public static final class LoopbackMotors implements Motors {
        private final Clock clock;
        private final String[] ports;
        private final double[] position;
        private final int[] speed;
        private final double[] targetDelta; // remaining counts for run-to-rel-pos, NaN otherwise
        private final long[] timedUntil;    // deadline for run-timed, Long.MIN_VALUE otherwise
        private final long[] commands;
        private final long[] stops;
        private long lastNanos;

        LoopbackMotors(Clock clock, String[] ports) {
            this.clock = clock;
            this.ports = ports.clone();
            int n = ports.length;
            position = new double[n];
            speed = new int[n];
            targetDelta = new double[n];
            timedUntil = new long[n];
            commands = new long[n];
            stops = new long[n];
            java.util.Arrays.fill(targetDelta, Double.NaN);
            java.util.Arrays.fill(timedUntil, Long.MIN_VALUE);
            lastNanos = clock.nanoTime();
        }

        @Override public int count() { return ports.length; }
        @Override public String port(int motor) { return ports[motor]; }
        @Override public int maxSpeedCountsPerSec(int motor) { return 1050; }
        @Override public int countsPerRotation(int motor) { return 360; }

        private void advance() {
            long now = clock.nanoTime();
            double dt = (now - lastNanos) / 1e9;
            lastNanos = now;
            for (int i = 0; i < ports.length; i++) {
                if (speed[i] == 0) continue;
                double step = speed[i] * dt;
                if (!Double.isNaN(targetDelta[i])) {
                    if (Math.abs(step) >= Math.abs(targetDelta[i])) {
                        step = targetDelta[i];
                        speed[i] = 0;
                        targetDelta[i] = Double.NaN;
                    } else {
                        targetDelta[i] -= step;
                    }
                }
                if (timedUntil[i] != Long.MIN_VALUE && now - timedUntil[i] >= 0) {
                    speed[i] = 0;
                    timedUntil[i] = Long.MIN_VALUE;
                }
                position[i] += step;
            }
        }

        @Override
        public synchronized void read(MotorState into) {
            advance();
            for (int i = 0; i < ports.length; i++) {
                into.positionCounts[i] = (int) Math.round(position[i]);
                into.speedCountsPerSec[i] = speed[i];
                into.flags[i] = speed[i] != 0 ? MotorState.RUNNING : 0;
            }
        }

        private void set(int motor, int speedCountsPerSec, double delta, long until) {
            advance();
            speed[motor] = speedCountsPerSec;
            targetDelta[motor] = delta;
            timedUntil[motor] = until;
            commands[motor]++;
        }

        @Override
        public synchronized void runForever(int motor, int speedCountsPerSec) {
            set(motor, speedCountsPerSec, Double.NaN, Long.MIN_VALUE);
        }

        @Override
        public synchronized void runToRelPos(int motor, int deltaCounts, int speedCountsPerSec) {
            // ev3dev ignores the sign of speed_sp here: direction comes from the position.
            set(motor, Integer.signum(deltaCounts) * Math.abs(speedCountsPerSec), deltaCounts, Long.MIN_VALUE);
        }

        @Override
        public synchronized void runTimed(int motor, int timeMs, int speedCountsPerSec) {
            set(motor, speedCountsPerSec, Double.NaN, clock.nanoTime() + timeMs * 1_000_000L);
        }

        @Override
        public synchronized void stop(int motor, StopAction action) {
            advance();
            speed[motor] = 0;
            targetDelta[motor] = Double.NaN;
            timedUntil[motor] = Long.MIN_VALUE;
            stops[motor]++;
        }

        /** The speed the motor runs at now. */
        public synchronized int speed(int motor) {
            return speed[motor];
        }

        public synchronized double position(int motor) {
            advance();
            return position[motor];
        }

        /** How many run commands the motor received. */
        public synchronized long commandCount(int motor) {
            return commands[motor];
        }

        /** How many stop commands the motor received. */
        public synchronized long stopCount(int motor) {
            return stops[motor];
        }
    }
}
