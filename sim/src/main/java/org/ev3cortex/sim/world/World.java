package org.ev3cortex.sim.world;

import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;
import org.ev3cortex.body.MotorState;
import org.ev3cortex.body.StopAction;
import org.ev3cortex.config.Config;
import org.ev3cortex.sim.SimKeys;

/**
 * The simulated arena and robot: a differential drive with EV3 large-motor limits, collisions,
 * a bumper, a battery that drains with motor current, stereo microphones, and a renderer for the
 * camera. Time moves only through {@link #advanceTo}, in fixed steps, so a run is a pure function
 * of its config and seed.
 *
 * <p>Coordinates: x right, y up, metres; heading counter-clockwise from +x. The left wheel is
 * motor 0. All methods are synchronized: the loop thread steps the world while a viewer may read.
 */
public final class World {
    public static final int AUDIO_RATE_HZ = 16_000;
    private static final double SPEED_OF_SOUND = 343.0;
    private static final double STALL_AFTER_S = 0.1;

    // Layout.
    public final double widthM;
    public final double heightM;
    /** The obstacles; replaced whole (never changed in place) when one {@link #appear}s. */
    public volatile List<Obstacle> obstacles;
    public final List<WorldSpec.Light> lights;
    public final List<SoundSource> sounds;
    private final SoundSource[] soundArray; // the same, for the per-sample loop
    public final int wallColour;
    public final int skyColour;
    public final int groundColour;
    public final double wallHeightM;
    public final double robotRadiusM;

    // Robot and motors.
    private final double wheelRadiusM;
    private final double trackM;
    private final double tauS;
    private final int maxSpeed;
    private final boolean reportStall;
    private final long stepNanos;
    private final double earSpacingM;
    private final double micNoise;
    private final SplittableRandom random;

    private double x;
    private double y;
    private double heading;
    private double turnedRad;
    private double turnRateRadPerS;
    private final int[] rayColour = new int[1];
    private final double[] wheelSpeed = new double[2];   // counts/s, actual
    private final double[] target = new double[2];       // counts/s the controller aims at
    private final double[] position = new double[2];     // counts
    private final int[] mode = new int[2];                // 0 stopped, 1 forever, 2 rel-pos, 3 timed
    private final double[] goal = new double[2];         // rel-pos target position, counts
    private final long[] until = new long[2];            // run-timed deadline, ns
    private final double[] stalledFor = new double[2];
    private final boolean[] stalled = new boolean[2];
    private final StopAction[] stopAction = {StopAction.COAST, StopAction.COAST};

    // Battery.
    private final double fullV;
    private final double emptyV;
    private final double capacityAh;
    private final double idleA;
    private final double motorFullA;
    private final double motorStallA;
    private final double internalOhm;
    private double usedAh;
    private double currentA;

    // Events.
    private long nanos;
    private boolean blocked;
    private double freeS = Double.POSITIVE_INFINITY; // time since the last contact
    private boolean bumper;
    private long collisions;
    private long stallEvents;
    private double distanceM;

    // Audio: a ring of interleaved L/R frames, made lazily. Stepping the world only logs each
    // step's ear geometry and draws each sample's microphone noise (the random stream must advance
    // per sample); the samples themselves are computed when read (copyNewestAudio), and only those
    // read: the agent reads 512 of the 1,600 frames of a 100 ms tick. A frame's value is a pure
    // function of its index, its step's geometry and its noise draw, so it does not matter when
    // (or whether) it is made.
    private final short[] ring;          // 2 * ringFrames samples, frame f at (f % ringFrames)
    private final char[] ringNoise;      // the noise table index of each sample in the ring
    private final int ringFrames;
    private long audioSamples;           // frames written (made or not)
    private long madeFrom;               // frames [madeFrom, madeUntil) hold their samples
    private long madeUntil;
    // The geometry of the steps whose frames may still be in the ring: step k (a ring slot) covers
    // frames [segmentStart[k], the next step's start), with per ear and source a delay and a gain.
    private final long[] segmentStart;
    private final double[] segmentDelayS;   // [slot][ear][source], flat
    private final double[] segmentGain;
    private long segments;                  // ever logged
    private final double[][] earDelayS;
    private final double[][] earGain;
    private static final int NOISE_TABLE = 1 << 16;
    private final double[] noiseTable = new double[NOISE_TABLE];
    private int noiseIndex;

    public World(Config c) throws IOException {
        widthM = c.get(SimKeys.WIDTH_M);
        heightM = c.get(SimKeys.HEIGHT_M);
        obstacles = List.copyOf(WorldSpec.obstacles(c.get(SimKeys.OBSTACLES)));
        lights = List.copyOf(WorldSpec.lights(c.get(SimKeys.LIGHTS)));
        long seed = c.get(SimKeys.SEED);
        sounds = List.copyOf(WorldSpec.sounds(c.get(SimKeys.SOUNDS), seed, WorldSpec.baseDir(c)));
        for (SoundSource s : sounds) s.load();
        soundArray = sounds.toArray(new SoundSource[0]);
        wallColour = Colour.parse(c.get(SimKeys.WALL_COLOUR));
        skyColour = Colour.parse(c.get(SimKeys.SKY_COLOUR));
        groundColour = Colour.parse(c.get(SimKeys.GROUND_COLOUR));
        wallHeightM = c.get(SimKeys.WALL_HEIGHT_M);
        robotRadiusM = c.get(SimKeys.ROBOT_RADIUS_M);
        wheelRadiusM = c.get(SimKeys.WHEEL_RADIUS_M);
        trackM = c.get(SimKeys.TRACK_M);
        tauS = c.get(SimKeys.MOTOR_TAU_MS) / 1000.0;
        maxSpeed = c.get(SimKeys.MOTOR_MAX_SPEED);
        reportStall = c.get(SimKeys.REPORT_STALL);
        stepNanos = c.get(SimKeys.STEP_MS) * 1_000_000L;
        earSpacingM = c.get(SimKeys.EAR_SPACING_M);
        micNoise = c.get(SimKeys.MIC_NOISE);
        random = new SplittableRandom(seed);
        fullV = c.get(SimKeys.BATTERY_FULL_V);
        emptyV = c.get(SimKeys.BATTERY_EMPTY_V);
        capacityAh = c.get(SimKeys.BATTERY_CAPACITY_MAH) / 1000.0;
        idleA = c.get(SimKeys.BATTERY_IDLE_A);
        motorFullA = c.get(SimKeys.MOTOR_FULL_SPEED_A);
        motorStallA = c.get(SimKeys.MOTOR_STALL_A);
        internalOhm = c.get(SimKeys.BATTERY_R_OHM);
        x = c.get(SimKeys.ROBOT_X);
        y = c.get(SimKeys.ROBOT_Y);
        heading = Math.toRadians(c.get(SimKeys.ROBOT_HEADING_DEG));
        currentA = idleA;
        ringFrames = c.get(org.ev3cortex.body.BodyKeys.MIC_RING_SAMPLES);
        ring = new short[2 * ringFrames];
        ringNoise = new char[2 * ringFrames];
        // Every logged step covers at least one frame, so ringFrames + 1 steps cover the ring.
        segmentStart = new long[ringFrames + 1];
        segmentDelayS = new double[(ringFrames + 1) * 2 * sounds.size()];
        segmentGain = new double[segmentDelayS.length];
        earDelayS = new double[2][sounds.size()];
        earGain = new double[2][sounds.size()];
        for (int i = 0; i < NOISE_TABLE; i++) noiseTable[i] = random.nextGaussian();
    }

    /**
     * An obstacle appears (for scenarios: an object that comes into view). It must not overlap the
     * robot.
     */
    public synchronized void appear(Obstacle o) {
        if (o.overlapsDisc(x, y, robotRadiusM)) throw new IllegalArgumentException("the obstacle would overlap the robot");
        java.util.List<Obstacle> more = new java.util.ArrayList<>(obstacles);
        more.add(o);
        obstacles = List.copyOf(more);
    }

    /**
     * Picks the robot up and puts it down at (x, y) facing {@code heading} (radians), wheels
     * still: for scenarios that test a trained agent from many starts. It must not touch a wall
     * or an obstacle there.
     */
    public synchronized void place(double x, double y, double heading) {
        if (collides(x, y)) throw new IllegalArgumentException("the robot would touch a wall or an obstacle at " + x + ", " + y);
        this.x = x;
        this.y = y;
        this.heading = Math.atan2(Math.sin(heading), Math.cos(heading));
        wheelSpeed[0] = 0;
        wheelSpeed[1] = 0;
        blocked = false;
    }

    // ---- time ----

    public synchronized long nanos() {
        return nanos;
    }

    /** Steps the world in fixed steps until {@code deadlineNanos} (the last step may be partial). */
    public synchronized void advanceTo(long deadlineNanos) {
        while (deadlineNanos - nanos > 0) {
            long dt = Math.min(stepNanos, deadlineNanos - nanos);
            step(dt / 1e9);
            nanos += dt;
            emitAudio();
        }
    }

    private void step(double dt) {
        double countsToM = 2 * Math.PI * wheelRadiusM / 360.0;
        // Motor controllers (as ev3dev's: run-to-rel-pos and run-timed end by themselves).
        for (int i = 0; i < 2; i++) {
            if (mode[i] == 2 && Math.abs(goal[i] - position[i]) < Math.abs(wheelSpeed[i]) * dt + 0.5) {
                position[i] = goal[i];
                stopMotor(i, StopAction.HOLD);
            } else if (mode[i] == 3 && nanos - until[i] >= 0) {
                stopMotor(i, stopAction[i]);
            }
            double tau = mode[i] == 0 && stopAction[i] == StopAction.COAST ? 4 * tauS : tauS;
            wheelSpeed[i] += (target[i] - wheelSpeed[i]) * (1 - Math.exp(-dt / tau));
        }
        double v = (wheelSpeed[0] + wheelSpeed[1]) / 2 * countsToM;
        double omega = (wheelSpeed[1] - wheelSpeed[0]) * countsToM / trackM;
        double nh = heading + omega * dt;
        turnedRad += omega * dt;
        turnRateRadPerS = omega;
        double mid = heading + omega * dt / 2;
        double nx = x + v * Math.cos(mid) * dt;
        double ny = y + v * Math.sin(mid) * dt;

        boolean hit = collides(nx, ny);
        if (hit) {
            // Move up to the point of contact (bisection on the step), then stop translating: a
            // disc can always turn on the spot, so the rotation is kept. The wheels are held back
            // to the turning part of their motion, as a blocked robot's are.
            double lo = 0;
            double hi = 1;
            for (int k = 0; k < 12; k++) {
                double f = (lo + hi) / 2;
                if (collides(x + (nx - x) * f, y + (ny - y) * f)) hi = f; else lo = f;
            }
            distanceM += Math.hypot(nx - x, ny - y) * lo;
            x += (nx - x) * lo;
            y += (ny - y) * lo;
            double turn = (wheelSpeed[1] - wheelSpeed[0]) / 2;
            wheelSpeed[0] = -turn;
            wheelSpeed[1] = turn;
            heading = nh;
            // One contact is one collision, however long the robot keeps pushing.
            if (freeS > 0.25) collisions++;
            freeS = 0;
        } else {
            freeS += dt;
            distanceM += Math.hypot(nx - x, ny - y);
            x = nx;
            y = ny;
            heading = nh;
        }
        blocked = hit;
        heading = Math.atan2(Math.sin(heading), Math.cos(heading));

        double amps = idleA;
        for (int i = 0; i < 2; i++) {
            position[i] += wheelSpeed[i] * dt;
            boolean pushing = Math.abs(target[i]) > 30 && Math.abs(wheelSpeed[i]) < 0.3 * Math.abs(target[i]);
            stalledFor[i] = pushing ? stalledFor[i] + dt : 0;
            boolean nowStalled = stalledFor[i] >= STALL_AFTER_S;
            if (nowStalled && !stalled[i]) stallEvents++;
            stalled[i] = nowStalled;
            amps += nowStalled ? motorStallA : motorFullA * Math.abs(wheelSpeed[i]) / maxSpeed;
        }
        currentA = amps;
        usedAh += amps * dt / 3600;
        double frontX = x + (robotRadiusM + 0.01) * Math.cos(heading);
        double frontY = y + (robotRadiusM + 0.01) * Math.sin(heading);
        bumper = collides(frontX, frontY, 0.005);
    }

    private boolean collides(double px, double py) {
        return collides(px, py, robotRadiusM);
    }

    private boolean collides(double px, double py, double r) {
        if (px - r < 0 || py - r < 0 || px + r > widthM || py + r > heightM) return true;
        for (int i = 0; i < obstacles.size(); i++) {
            if (obstacles.get(i).overlapsDisc(px, py, r)) return true;
        }
        return false;
    }

    private void emitAudio() {
        long due = Math.floorDiv(nanos * AUDIO_RATE_HZ, 1_000_000_000L);
        if (due <= audioSamples) return;
        // The pose is constant within a physics step, so each ear's delay and gain per source are
        // too: computed once per step, not per sample, and logged for the frames of this step.
        earGeometry(0, heading + Math.PI / 2);
        earGeometry(1, heading - Math.PI / 2);
        int n = sounds.size();
        int slot = (int) (segments % segmentStart.length);
        segmentStart[slot] = audioSamples;
        for (int ear = 0; ear < 2; ear++) {
            System.arraycopy(earDelayS[ear], 0, segmentDelayS, (slot * 2 + ear) * n, n);
            System.arraycopy(earGain[ear], 0, segmentGain, (slot * 2 + ear) * n, n);
        }
        segments++;
        // The noise of each sample is drawn now, in sample order (left, right), as it always was.
        int k = 2 * (int) (audioSamples % ringFrames);
        for (long f = audioSamples; f < due; f++) {
            ringNoise[k] = (char) nextNoiseIndex();
            ringNoise[k + 1] = (char) nextNoiseIndex();
            k += 2;
            if (k == ringNoise.length) k = 0;
        }
        audioSamples = due;
        madeFrom = Math.max(madeFrom, due - ringFrames); // older frames are being overwritten
        if (madeUntil < madeFrom) madeUntil = madeFrom;
    }

    /** Makes the samples of frames [from, to) that are not made yet (all in the ring). */
    private void makeAudio(long from, long to) {
        if (from >= to) return;
        if (from >= madeUntil || to <= madeFrom) {
            // Disjoint from what is made: make it all; it becomes the made range if it is newer.
            make(from, to);
            if (from >= madeUntil) {
                madeFrom = from;
                madeUntil = to;
            }
            return;
        }
        if (from < madeFrom) make(from, madeFrom);
        if (to > madeUntil) make(madeUntil, to);
        madeFrom = Math.min(madeFrom, from);
        madeUntil = Math.max(madeUntil, to);
    }

    private void make(long from, long to) {
        SoundSource[] src = soundArray;
        int n = src.length;
        int slots = segmentStart.length;
        // The newest logged step that starts at or before `from`.
        long s = segments - 1;
        while (segmentStart[(int) (s % slots)] > from) s--;
        long next = s + 1 < segments ? segmentStart[(int) ((s + 1) % slots)] : Long.MAX_VALUE;
        int base = (int) (s % slots) * 2 * n;
        int k = 2 * (int) (from % ringFrames);
        for (long f = from; f < to; f++, k += 2) {
            while (f >= next) {
                s++;
                next = s + 1 < segments ? segmentStart[(int) ((s + 1) % slots)] : Long.MAX_VALUE;
                base = (int) (s % slots) * 2 * n;
            }
            if (k == ring.length) k = 0;
            double t = f / (double) AUDIO_RATE_HZ;
            for (int ear = 0; ear < 2; ear++) {
                double sum = 0;
                int g = base + ear * n;
                for (int i = 0; i < n; i++) {
                    sum += src[i].signal(t - segmentDelayS[g + i]) * segmentGain[g + i];
                }
                ring[k + ear] = toPcm(sum + micNoise * noiseTable[ringNoise[k + ear]]);
            }
        }
    }

    /**
     * One ear's view of every source: the travel time (the interaural time difference) and the
     * gain, 1/r floored at 0.1 m, times a head shadow when the source is on the far side (the
     * interaural level difference).
     */
    private void earGeometry(int ear, double earDirection) {
        double ex = x + earSpacingM / 2 * Math.cos(earDirection);
        double ey = y + earSpacingM / 2 * Math.sin(earDirection);
        for (int i = 0; i < sounds.size(); i++) {
            SoundSource s = sounds.get(i);
            double dx = s.x - ex;
            double dy = s.y - ey;
            double d = Math.sqrt(dx * dx + dy * dy);
            double facing = d > 1e-9 ? (dx * Math.cos(earDirection) + dy * Math.sin(earDirection)) / d : 1;
            earDelayS[ear][i] = d / SPEED_OF_SOUND;
            earGain[ear][i] = (0.65 + 0.35 * facing) / Math.max(d, 0.1);
        }
    }

    /**
     * The next sample's index into the Gaussian noise table drawn once from the seed
     * (nextGaussian per sample is too slow).
     */
    private int nextNoiseIndex() {
        noiseIndex = (noiseIndex + 1 + (random.nextInt() >>> 20)) & (NOISE_TABLE - 1);
        return noiseIndex;
    }

    private static short toPcm(double v) {
        double s = v * 32767;
        return (short) (s >= 32767 ? 32767 : s <= -32768 ? -32768 : Math.round(s));
    }

    // ---- motors (index 0 = left) ----

    public synchronized void runForever(int m, int speed) {
        mode[m] = 1;
        target[m] = clamp(speed);
    }

    public synchronized void runToRelPos(int m, int delta, int speed) {
        mode[m] = 2;
        goal[m] = position[m] + delta;
        target[m] = Math.signum(delta) * Math.abs(clamp(speed));
    }

    public synchronized void runTimed(int m, int ms, int speed) {
        mode[m] = 3;
        until[m] = nanos + ms * 1_000_000L;
        target[m] = clamp(speed);
    }

    public synchronized void stop(int m, StopAction action) {
        stopMotor(m, action);
    }

    private void stopMotor(int m, StopAction action) {
        mode[m] = 0;
        target[m] = 0;
        stopAction[m] = action;
    }

    private double clamp(int speed) {
        return Math.max(-maxSpeed, Math.min(maxSpeed, speed));
    }

    public int maxSpeed() {
        return maxSpeed;
    }

    public synchronized void readMotors(MotorState into) {
        for (int i = 0; i < 2; i++) {
            into.positionCounts[i] = (int) Math.round(position[i]);
            into.speedCountsPerSec[i] = (int) Math.round(wheelSpeed[i]);
            int f = 0;
            if (mode[i] != 0) f |= MotorState.RUNNING;
            if (mode[i] == 0 && stopAction[i] == StopAction.HOLD) f |= MotorState.HOLDING;
            if (reportStall && stalled[i]) f |= MotorState.STALLED | MotorState.OVERLOADED;
            into.flags[i] = f;
        }
    }

    // ---- senses and state ----

    public synchronized double batteryV() {
        double open = emptyV + (fullV - emptyV) * Math.max(0, 1 - usedAh / capacityAh);
        return Math.max(0, open - currentA * internalOhm);
    }

    public synchronized double currentA() {
        return currentA;
    }

    public synchronized boolean bumper() {
        return bumper;
    }

    /**
     * Copies the newest {@code dst.length} samples (interleaved L/R), oldest first; before that
     * many were written, the missing older part is zeros (as {@link org.ev3cortex.body.AudioRing}).
     */
    public synchronized void copyNewestAudio(short[] dst) {
        int n = dst.length;
        if (n > ring.length) throw new IllegalArgumentException("asked for " + n + " samples, ring holds " + ring.length);
        long written = 2 * audioSamples;
        int available = (int) Math.min(written, n);
        makeAudio(audioSamples - (available + 1) / 2, audioSamples);
        org.ev3cortex.body.AudioRing.copyNewest(ring, written, dst);
    }

    public synchronized long audioSamplesWritten() {
        return audioSamples;
    }

    public synchronized double x() { return x; }
    public synchronized double y() { return y; }
    public synchronized double heading() { return heading; }
    public synchronized boolean blocked() { return blocked; }
    /** Heading turned since the start, radians, counter-clockwise positive, not wrapped (a gyro's angle). */
    public synchronized double turnedRad() { return turnedRad; }
    /** The current turn rate, rad/s, counter-clockwise positive. */
    public synchronized double turnRateRadPerS() { return turnRateRadPerS; }

    /**
     * What an ultrasonic sensor at the front of the robot, looking straight ahead, reads: the
     * distance from the robot's edge to the nearest wall or obstacle on its heading, m.
     */
    public synchronized double distanceAheadM() {
        return Math.max(0, castRay(x, y, Math.cos(heading), Math.sin(heading), rayColour) - robotRadiusM);
    }

    public synchronized long collisions() { return collisions; }
    public synchronized long stallEvents() { return stallEvents; }
    public synchronized double distanceM() { return distanceM; }
    public synchronized boolean stalled(int motor) { return stalled[motor]; }

    /**
     * Distance from (ox, oy) along unit direction (dx, dy) to the first wall or obstacle, and its
     * colour in {@code colourOut[0]}.
     */
    public double castRay(double ox, double oy, double dx, double dy, int[] colourOut) {
        double best = Double.POSITIVE_INFINITY;
        int colour = wallColour;
        // Arena walls, from inside.
        if (dx > 0) best = Math.min(best, (widthM - ox) / dx);
        if (dx < 0) best = Math.min(best, -ox / dx);
        if (dy > 0) best = Math.min(best, (heightM - oy) / dy);
        if (dy < 0) best = Math.min(best, -oy / dy);
        for (int i = 0; i < obstacles.size(); i++) {
            Obstacle o = obstacles.get(i);
            double t = o.rayHit(ox, oy, dx, dy);
            if (t < best) {
                best = t;
                colour = o.colour;
            }
        }
        colourOut[0] = colour;
        return best;
    }
}
