package org.ev3cortex.ganglia;

import org.ev3cortex.config.Config;
import org.ev3cortex.seam.Efference;
import org.ev3cortex.seam.Intent;
import org.ev3cortex.seam.LoopKeys;
import org.ev3cortex.seam.Percepts;
import org.ev3cortex.seam.Stage;
import org.ev3cortex.seam.TickData;

/**
 * The brainstem and the basal ganglia: reflexes first (freeze after a watchdog trip; back off and
 * turn away after a stall or a bumper press), then a winner-take-all over the behaviours'
 * salience, with a bonus for the running one and a minimum hold so that selection does not
 * dither. Reads only the tick's {@link Percepts}; writes the {@link Intent} that M1 encodes.
 *
 * <p>Phonotaxis hears only the target song, as a cricket hears its own species: the level per ear
 * is the amplitude in the A1 bands that overlap the song's pitch band, and it has salience only
 * while that level is modulated at the song's rhythm (the share of its variation at the song's
 * period, over a few periods). The level is held with a 1 s decay, so that a rhythmic source keeps
 * steering the robot through its silent gaps, as a cricket keeps its heading between chirps.
 *
 * <p>When phonotaxis (or light approach) meets an obstacle, the reflex backs off and turns away
 * from it to one side, and the robot then follows the obstacle's edge ({@link Behaviour#FOLLOW_EDGE}):
 * it curves back toward that side, bumping along the edge, until it has gone a while without a
 * contact or the goal lies on the free side; then selection resumes. A contact soon after keeps
 * the same side, so the robot works its way around instead of pinning itself against the face.
 *
 * <p>Orienting turns briefly toward a visual hemifield whose light changes at once far more than
 * it usually does (an object appearing, a lamp coming on), the change discounted while the robot
 * itself turns; see {@link #noveltyZ()} and docs/behaviour.md, "Arbitration".
 */
public final class ActionSelection implements Stage {
    private static final Behaviour[] CHOICES = {
        Behaviour.EXPLORE, Behaviour.ORIENT, Behaviour.PHONOTAXIS, Behaviour.APPROACH_LIGHT};

    private final double[] salience = new double[Behaviour.values().length];
    private final SwitchLog switches = new SwitchLog(256);
    private Behaviour active = Behaviour.IDLE;
    private Percepts percepts;
    private Intent intent;
    private double lightMass;         // held with the same decay as the song
    private double lightBearing;
    private double soundLeft;
    private double soundRight;
    private double hold;
    private long lastWatchdogTrips;
    private int reflexTicksLeft;
    private int turnDirection = 1;
    private long heldSince;

    private boolean explore;
    private boolean orient;
    private boolean phonotaxis;
    private boolean light;
    private double exploreSalience;
    private double phonoSalience;
    private double phonoThreshold;
    private double lightSalience;
    private double orientSalience;
    private double hysteresis;
    private int minHold;
    private int cruise;
    private int exploreTurn;
    private double explorePeriodTicks;
    private int phonoGain;
    private int lightGain;
    private int orientSpeed;
    private double orientZ;
    private int orientTicks;
    private int orientRefractory;
    private double orientFloor;
    private double invSuppress;       // 1 / m1.orient.turnSuppressCountsPerSec
    private final double[] noveltyMean = new double[2]; // running mean and mean absolute deviation of
    private final double[] noveltyDev = new double[2];  // each hemifield's light step (left, right)
    private final double[] lastLuma = new double[2];    // each hemifield's light last tick; 0: no frame yet
    private double noveltyZ;          // this tick's larger novelty, in deviations above the mean
    private int noveltySide;          // +1 left
    private int orientDir = 1;        // latched when orienting starts
    private double orientS;           // ...with its salience
    private long habituatedUntil;
    private int backoffTicks;
    private int backoffSpeed;
    private int turnTicks;
    private int turnSpeed;
    private int freezeTicks;
    private int detourTicks;
    private long detourUntil = Long.MIN_VALUE;

    // The target song: its bands (a mask over A1's, rebuilt when A1's bands change) and its rhythm.
    private double songMinHz;
    private double songMaxHz;
    private double songPeriodS;
    private double songMatch;
    private double periodMs;
    private boolean[] songBand = new boolean[0];
    private float[] songBandsFor;
    private long lastBandWindow;
    private double songLeft;          // this window's song amplitude per ear
    private double songRight;
    private double[] rhythm = new double[0]; // ring of the song's level per window, for its rhythm
    private double[] rhythmCos = new double[0];
    private double[] rhythmSin = new double[0];
    private int rhythmNext;
    private int rhythmFill;
    private double rhythmRe;          // the DFT bin at the song's period over the ring
    private double rhythmIm;
    private double rhythmSum;         // the sum and sum of squares over the ring
    private double rhythmSum2;
    private double rhythmMatch;       // smoothed share of the level's variation at the song's period

    // Following an edge.
    private int followTurn;
    private int followReflexTurnTicks;
    private int followReflexBackoffTicks;
    private int followClearTicks;
    private int followMemoryTicks;
    private int followFlipTicks;
    private int wallSide = 1;         // +1: the obstacle is on the robot's left
    private boolean toFollow;         // the running reflex hands over to following an edge
    private boolean followingLight;   // ...on the way to a lamp (else to the song)
    private long followSince;         // the tick of the last contact while following
    private long lastFollowTick = Long.MIN_VALUE / 2;
    private int followTicksOnSide;
    private int followFreeSideTicks;
    private double followBest;        // the goal's strongest level since the side was chosen or last improved

    /** The behaviour selected last tick. */
    public Behaviour active() {
        return active;
    }

    /** How well the song's bands carry the song's rhythm (smoothed, 0..1; 1 when no rhythm is asked for). */
    public double rhythmMatch() {
        return rhythmMatch;
    }

    /** This tick's novelty: the larger step of a hemifield's light above its running mean, in mean absolute deviations. */
    public double noveltyZ() {
        return noveltyZ;
    }

    /** The recent switches with their reasons. */
    public SwitchLog switches() {
        return switches;
    }


    @Override
    public String name() {
        return "basal-ganglia";
    }

    @Override
    public void configure(Config c) {
        hold = Math.exp(-c.get(LoopKeys.PERIOD_MS) / 1000.0);
        explore = c.get(GangliaKeys.EXPLORE);
        orient = c.get(GangliaKeys.ORIENT);
        phonotaxis = c.get(GangliaKeys.PHONOTAXIS);
        light = c.get(GangliaKeys.LIGHT);
        exploreSalience = c.get(GangliaKeys.EXPLORE_SALIENCE);
        phonoSalience = c.get(GangliaKeys.PHONOTAXIS_SALIENCE);
        phonoThreshold = c.get(GangliaKeys.PHONOTAXIS_THRESHOLD);
        lightSalience = c.get(GangliaKeys.LIGHT_SALIENCE);
        orientSalience = c.get(GangliaKeys.ORIENT_SALIENCE);
        hysteresis = c.get(GangliaKeys.HYSTERESIS);
        minHold = c.get(GangliaKeys.MIN_HOLD_TICKS);
        cruise = c.get(GangliaKeys.CRUISE_SPEED);
        exploreTurn = c.get(GangliaKeys.EXPLORE_TURN);
        explorePeriodTicks = c.get(GangliaKeys.EXPLORE_PERIOD_S) * 1000.0 / c.get(LoopKeys.PERIOD_MS);
        phonoGain = c.get(GangliaKeys.PHONOTAXIS_GAIN);
        lightGain = c.get(GangliaKeys.LIGHT_GAIN);
        orientSpeed = c.get(GangliaKeys.ORIENT_GAIN);
        orientZ = c.get(GangliaKeys.ORIENT_Z);
        orientFloor = c.get(GangliaKeys.ORIENT_FLOOR);
        invSuppress = 1.0 / c.get(GangliaKeys.ORIENT_SUPPRESS);
        orientTicks = c.get(GangliaKeys.ORIENT_TICKS);
        orientRefractory = c.get(GangliaKeys.ORIENT_REFRACTORY_TICKS);
        backoffTicks = c.get(GangliaKeys.BACKOFF_TICKS);
        backoffSpeed = c.get(GangliaKeys.BACKOFF_SPEED);
        turnTicks = c.get(GangliaKeys.TURN_TICKS);
        turnSpeed = c.get(GangliaKeys.TURN_SPEED);
        freezeTicks = c.get(GangliaKeys.FREEZE_TICKS);
        detourTicks = c.get(GangliaKeys.DETOUR_TICKS);
        songMinHz = c.get(GangliaKeys.SONG_MIN_HZ);
        songMaxHz = c.get(GangliaKeys.SONG_MAX_HZ);
        songPeriodS = c.get(GangliaKeys.SONG_PERIOD_S);
        songMatch = c.get(GangliaKeys.SONG_MATCH);
        periodMs = c.get(LoopKeys.PERIOD_MS);
        songBandsFor = null;
        rhythmSetUp();
        followTurn = c.get(GangliaKeys.FOLLOW_TURN);
        followReflexTurnTicks = c.get(GangliaKeys.FOLLOW_REFLEX_TURN_TICKS);
        followReflexBackoffTicks = c.get(GangliaKeys.FOLLOW_REFLEX_BACKOFF_TICKS);
        followClearTicks = c.get(GangliaKeys.FOLLOW_CLEAR_TICKS);
        followMemoryTicks = c.get(GangliaKeys.FOLLOW_MEMORY_TICKS);
        followFlipTicks = c.get(GangliaKeys.FOLLOW_FLIP_TICKS);
        followFreeSideTicks = c.get(GangliaKeys.FOLLOW_FREE_SIDE_TICKS);
    }

    /**
     * The rhythm detector: a ring of the song's level over a whole number of its periods (at
     * least 2 s, one window per tick), and a sliding one-bin DFT at the song's period over it.
     */
    private void rhythmSetUp() {
        if (songPeriodS <= 0) {
            rhythm = new double[0];
            return;
        }
        double periodTicks = songPeriodS * 1000 / periodMs;
        int periods = (int) Math.max(2, Math.ceil(2.0 / songPeriodS));
        int n = (int) Math.max(2L * periods, Math.round(periods * periodTicks));
        rhythm = new double[n];
        rhythmCos = new double[n];
        rhythmSin = new double[n];
        // Bin `periods` of an n-point DFT: the ring holds exactly that many cycles, so sliding it
        // is one update per window.
        for (int k = 0; k < n; k++) {
            rhythmCos[k] = Math.cos(2 * Math.PI * periods * k / n);
            rhythmSin[k] = Math.sin(2 * Math.PI * periods * k / n);
        }
        rhythmNext = 0;
        rhythmFill = 0;
        rhythmMatch = 0;
        rhythmRe = 0;
        rhythmIm = 0;
        rhythmSum = 0;
        rhythmSum2 = 0;
    }

    /** Which of A1's bands overlap the song's pitch band; every band when it is 0..0. Allocates only when A1's bands change. */
    private void songBands(float[] edges) {
        int n = Math.max(0, edges.length - 1);
        if (songBand.length != n) songBand = new boolean[n];
        boolean all = songMinHz <= 0 && songMaxHz <= 0;
        for (int b = 0; b < n; b++) songBand[b] = all || (edges[b + 1] > songMinHz && edges[b] <= songMaxHz);
        songBandsFor = edges;
    }

    /** A new window: the song's amplitude per ear, and its rhythm. */
    private void hearSong() {
        float[] edges = percepts.bandEdgesHz();
        if (edges != songBandsFor) songBands(edges);
        float[] l = percepts.bandPowerLeft();
        float[] r = percepts.bandPowerRight();
        double pl = 0;
        double pr = 0;
        for (int b = 0; b < songBand.length; b++) {
            if (!songBand[b]) continue;
            pl += l[b];
            pr += r[b];
        }
        songLeft = Math.sqrt(pl);
        songRight = Math.sqrt(pr);
        int n = rhythm.length;
        if (n == 0) {
            rhythmMatch = 1;
            return;
        }
        // Slide the window: the newest level replaces the oldest in the DFT bin and the sums.
        double v = songLeft + songRight;
        double old = rhythm[rhythmNext];
        rhythm[rhythmNext] = v;
        rhythmRe += (v - old) * rhythmCos[rhythmNext];
        rhythmIm -= (v - old) * rhythmSin[rhythmNext];
        rhythmSum += v - old;
        rhythmSum2 += v * v - old * old;
        rhythmNext = rhythmNext + 1 == n ? 0 : rhythmNext + 1;
        if (rhythmFill < n) {
            rhythmFill++;
            return;
        }
        // The share of the level's variance at the song's period (Parseval: a pure rhythm at that
        // period gives 1, a steady or random level about sqrt(2 / n)).
        double variance = rhythmSum2 - rhythmSum * rhythmSum / n;
        double match = variance > 1e-18 ? Math.sqrt(2 * (rhythmRe * rhythmRe + rhythmIm * rhythmIm) / (n * variance)) : 0;
        rhythmMatch += 0.25 * (match - rhythmMatch);
    }

    @Override
    public void update(TickData tick) {
        percepts = tick.percepts();
        intent = tick.intent();
        if (percepts.bandWindows() != lastBandWindow) {
            lastBandWindow = percepts.bandWindows();
            hearSong();
        }
        if (percepts.lightMass() >= lightMass * hold) {
            lightMass = percepts.lightMass();
            lightBearing = percepts.lightBearing();
        } else {
            lightMass *= hold;
        }
        soundLeft = Math.max(songLeft, soundLeft * hold);
        soundRight = Math.max(songRight, soundRight * hold);
        long t = tick.tick();
        novelty(t, tick.efference());
        if (reflexes(t)) return;
        if (active == Behaviour.FOLLOW_EDGE && following(t)) {
            steer(active, t);
            return;
        }

        double[] s = salience;
        java.util.Arrays.fill(s, 0);
        if (explore) s[Behaviour.EXPLORE.ordinal()] = exploreSalience;
        if (explore && t < detourUntil) {
            // Detour: just after a back-off only exploring may run, so the robot gets clear of the
            // obstacle instead of steering straight back into it.
            if (active != Behaviour.EXPLORE) select(t, Behaviour.EXPLORE, SwitchLog.Reason.REFLEX_DONE, 0, exploreSalience);
            steer(active, t);
            return;
        }
        double level = (soundLeft + soundRight) / 2;
        boolean song = rhythmMatch >= songMatch;
        if (phonotaxis && song && level > phonoThreshold) s[Behaviour.PHONOTAXIS.ordinal()] = phonoSalience * level;
        if (light) s[Behaviour.APPROACH_LIGHT.ordinal()] = lightSalience * Math.sqrt(lightMass);
        // Normalised: every goal's salience on [0, 1), so that a novelty can outrank any of them.
        for (Behaviour b : CHOICES) s[b.ordinal()] = s[b.ordinal()] / (1 + s[b.ordinal()]);
        boolean orientDone = false;
        if (active == Behaviour.ORIENT) {
            if (t - heldSince < orientTicks) {
                s[Behaviour.ORIENT.ordinal()] = orientS; // a short response: it runs its course
            } else {
                habituatedUntil = t + orientRefractory;
                orientDone = true;
            }
        } else if (orient && t >= habituatedUntil && noveltyZ > orientZ) {
            orientS = orientSalience * Math.min(1, (noveltyZ - orientZ) / orientZ);
            orientDir = noveltySide;
            s[Behaviour.ORIENT.ordinal()] = orientS;
        }

        Behaviour current = active;
        Behaviour best = Behaviour.IDLE;
        double bestS = 0;
        for (Behaviour b : CHOICES) {
            double v = s[b.ordinal()] + (b == current ? hysteresis : 0);
            if (s[b.ordinal()] > 0 && v > bestS) {
                bestS = v;
                best = b;
            }
        }
        boolean detour = current.isReflex() || current == Behaviour.FOLLOW_EDGE || orientDone;
        boolean currentStillAllowed = !detour && current != Behaviour.IDLE && s[current.ordinal()] > 0;
        if (best != current) {
            if (currentStillAllowed && t - heldSince < minHold) {
                best = current;
            } else {
                SwitchLog.Reason why = currentStillAllowed || current == Behaviour.IDLE || detour
                        ? (detour ? SwitchLog.Reason.REFLEX_DONE : SwitchLog.Reason.SALIENCE)
                        : SwitchLog.Reason.DISABLED;
                select(t, best, why, detour || current == Behaviour.IDLE ? 0 : s[current.ordinal()], s[best.ordinal()]);
            }
        }
        steer(active, t);
    }

    /** Runs the reflexes; true when one of them owns this tick. */
    private boolean reflexes(long t) {
        if (percepts.watchdogTrips() > lastWatchdogTrips) {
            lastWatchdogTrips = percepts.watchdogTrips();
            reflexTicksLeft = freezeTicks;
            select(t, Behaviour.FREEZE, SwitchLog.Reason.WATCHDOG, 0, 0);
        } else if ((percepts.stallDetected() || percepts.bumperPressed()) && active != Behaviour.BACK_OFF
                && active != Behaviour.FREEZE) {
            reflexTicksLeft = backoffTicks;
            Behaviour goal = active;
            toFollow = goal == Behaviour.FOLLOW_EDGE || goal == Behaviour.PHONOTAXIS || goal == Behaviour.APPROACH_LIGHT
                    || (goal.isReflex() && toFollow);
            if (goal == Behaviour.PHONOTAXIS || goal == Behaviour.APPROACH_LIGHT) followingLight = goal == Behaviour.APPROACH_LIGHT;
            if (toFollow && !goal.isReflex() && goal != Behaviour.FOLLOW_EDGE && t - lastFollowTick > followMemoryTicks) {
                // A new obstacle: pick the side to go around pseudo-randomly but reproducibly.
                wallSide = ((t * 0x9E3779B97F4A7C15L) >>> 63) == 0 ? 1 : -1;
                followTicksOnSide = 0;
                followBest = goalLevel();
            }
            if (toFollow) reflexTicksLeft = followReflexBackoffTicks;
            // Turn away from the obstacle's side; without a detour to follow, a hash of the tick picks the side.
            turnDirection = toFollow ? -wallSide : ((t * 0x9E3779B97F4A7C15L) >>> 63) == 0 ? 1 : -1;
            select(t, Behaviour.BACK_OFF, percepts.stallDetected() ? SwitchLog.Reason.STALL : SwitchLog.Reason.BUMPER, 0, 0);
        }
        if (!active.isReflex()) return false;
        if (reflexTicksLeft <= 0) {
            int turn = toFollow ? followReflexTurnTicks : turnTicks;
            if (active == Behaviour.BACK_OFF && turn > 0) {
                reflexTicksLeft = turn;
                select(t, Behaviour.TURN_AWAY, SwitchLog.Reason.REFLEX_DONE, 0, 0);
            } else if (toFollow && active != Behaviour.FREEZE) {
                followSince = t;
                select(t, Behaviour.FOLLOW_EDGE, SwitchLog.Reason.REFLEX_DONE, 0, 0);
                steer(active, t);
                return true;
            } else {
                if (active == Behaviour.TURN_AWAY) detourUntil = t + detourTicks;
                return false; // reflex over: selection picks the next behaviour (reason REFLEX_DONE)
            }
        }
        reflexTicksLeft--;
        steer(active, t);
        return true;
    }

    /**
     * One tick of following an edge: true while it goes on; false when the obstacle has been
     * passed (no contact for a while) or the goal lies on the free side, so selection resumes.
     */
    private boolean following(long t) {
        lastFollowTick = t;
        double level = goalLevel();
        if (level > 1.25 * followBest) {
            followBest = level; // getting closer: keep this side
            followTicksOnSide = 0;
        } else if (++followTicksOnSide > followFlipTicks) {
            wallSide = -wallSide; // no nearer this way: a dead end, try the other side
            followTicksOnSide = 0;
            followBest = level;
        }
        if (t - followSince >= followClearTicks) return false;
        if (t - followSince < followFreeSideTicks) return true;
        // The goal's side: +1 left. Free when it is clearly on the side away from the obstacle.
        double goalSide = followingLight ? lightBearing
                : (soundLeft - soundRight) / Math.max(1e-9, soundLeft + soundRight);
        return goalSide * wallSide > -0.25;
    }

    /** How strong the goal of the detour is: the lamps' mass, or the song's level. */
    private double goalLevel() {
        return followingLight ? Math.sqrt(lightMass) : soundLeft + soundRight;
    }

    private void select(long t, Behaviour next, SwitchLog.Reason why, double sFrom, double sTo) {
        if (next == active) return;
        switches.add(t, active, next, why, sFrom, sTo);
        active = next;
        heldSince = t;
    }

    private void steer(Behaviour b, long t) {
        int left;
        int right;
        switch (b) {
            case FREEZE: left = 0; right = 0; break;
            case BACK_OFF: left = -backoffSpeed; right = -backoffSpeed; break;
            case TURN_AWAY: left = -turnDirection * turnSpeed; right = turnDirection * turnSpeed; break;
            case EXPLORE: {
                // Two incommensurate sines: smooth turns that never settle into a fixed loop.
                double phase = 2 * Math.PI * t / explorePeriodTicks;
                double turn = exploreTurn * (Math.sin(phase) + 0.6 * Math.sin(phase * 2.71 + 1.0)) / 1.6;
                left = (int) Math.round(cruise - turn);
                right = (int) Math.round(cruise + turn);
                break;
            }
            case PHONOTAXIS: {
                double d = (soundLeft - soundRight) / Math.max(1e-9, soundLeft + soundRight);
                int turn = (int) Math.round(phonoGain * d);
                left = cruise - turn;
                right = cruise + turn;
                break;
            }
            case APPROACH_LIGHT: {
                // Turn toward the lamp's bearing (+1 the left edge of the view).
                int turn = (int) Math.round(lightGain * lightBearing);
                left = cruise - turn;
                right = cruise + turn;
                break;
            }
            case FOLLOW_EDGE:
                // Curve back toward the obstacle's side, so the robot keeps touching its edge.
                left = cruise - wallSide * followTurn;
                right = cruise + wallSide * followTurn;
                break;
            case ORIENT:
                left = -orientDir * orientSpeed;
                right = orientDir * orientSpeed;
                break;
            default: left = 0; right = 0; break;
        }
        if (b == Behaviour.FREEZE) {
            intent.hold();
        } else {
            intent.drive(left, right);
            if (b == Behaviour.BACK_OFF || b == Behaviour.TURN_AWAY) intent.contactReflex(b == Behaviour.BACK_OFF && heldSince == t);
        }
    }

    /**
     * A typical tick with a new audio window (phonotaxis steering): the song's level from its
     * bands, the sliding rhythm DFT, the held levels, the novelty of each hemifield, the salience
     * of each behaviour and its normalisation, the winner-take-all and the steering.
     */
    @Override
    public void countOps(org.ev3cortex.seam.OpCount c) {
        int bands = 0;
        for (boolean b : songBand) if (b) bands++;
        c.dop += 74 + 2 * bands; c.fmath += 5; c.fconv += 10 + 2 * bands; c.fcmp += 12; c.iop += 12 + songBand.length / 2;
        c.bytes += 380 + songBand.length + 8L * bands;
    }

    /**
     * Each hemifield's novelty: the step of its mean light since last tick (the error of predicting
     * that it stays as it was), in running mean absolute deviations above its running mean step
     * (both habituate over about 5 s), the deviation floored at {@code m1.orient.deviationFloor}.
     * Keeps the larger and its side. An object that appears, or a lamp that comes on, changes the
     * light of the field it is in at once. The robot's own turns sweep the view and change it too,
     * more the faster they are: the step is divided by {@code 1 + |turn| / m1.orient.turnSuppressCountsPerSec},
     * the turn being the wheel-speed difference issued last tick (the efference copy; motors 0 and
     * 1 the left and right wheels), as vision is suppressed during a saccade.
     */
    private void novelty(long t, Efference issued) {
        double best = 0;
        int side = 1;
        double turn = issued != null && issued.count() >= 2 ? Math.abs(issued.issuedSpeed(1) - issued.issuedSpeed(0)) : 0;
        double gain = 1 / (1 + turn * invSuppress);
        for (int k = 0; k < 2; k++) {
            double luma = k == 0 ? percepts.lumaLeft() : percepts.lumaRight();
            double n = lastLuma[k] > 0 && luma > 0 ? gain * Math.abs(luma - lastLuma[k]) : 0; // 0 until a frame
            lastLuma[k] = luma;
            double dev = Math.max(noveltyDev[k], orientFloor);
            double z = t < 20 ? 0 : (n - noveltyMean[k]) / dev; // 2 s to learn what is usual
            if (z > best) {
                best = z;
                side = k == 0 ? 1 : -1;
            }
            noveltyDev[k] += 0.02 * (Math.abs(n - noveltyMean[k]) - noveltyDev[k]);
            noveltyMean[k] += 0.02 * (n - noveltyMean[k]);
        }
        noveltyZ = best;
        noveltySide = side;
    }
}
