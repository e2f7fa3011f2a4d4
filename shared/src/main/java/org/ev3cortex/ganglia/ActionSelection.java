package org.ev3cortex.ganglia;

import org.ev3cortex.config.Config;
import org.ev3cortex.seam.Intent;
import org.ev3cortex.seam.LoopKeys;
import org.ev3cortex.seam.Percepts;
import org.ev3cortex.seam.Region;
import org.ev3cortex.seam.Stage;
import org.ev3cortex.seam.TickData;

/**
 * The brainstem and the basal ganglia: reflexes first (freeze after a watchdog trip; back off and
 * turn away after a stall or a bumper press), then a winner-take-all over the behaviours'
 * salience, with a bonus for the running one and a minimum hold so that selection does not
 * dither. Reads only the tick's {@link Percepts}; writes the {@link Intent} that M1 encodes.
 *
 * <p>Sound level is held with a 1 s decay, so that a rhythmic source keeps steering the robot
 * through its silent gaps, as a cricket keeps its heading between chirps.
 */
public final class ActionSelection implements Stage {
    private static final Behaviour[] CHOICES = {
        Behaviour.EXPLORE, Behaviour.ORIENT, Behaviour.PHONOTAXIS, Behaviour.APPROACH_LIGHT};

    private final double[] salience = new double[Behaviour.values().length];
    private final SwitchLog switches = new SwitchLog(256);
    private Behaviour active = Behaviour.IDLE;
    private Percepts percepts;
    private Intent intent;
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
    private int backoffTicks;
    private int backoffSpeed;
    private int turnTicks;
    private int turnSpeed;
    private int freezeTicks;
    private int detourTicks;
    private long detourUntil = Long.MIN_VALUE;

    /** The behaviour selected last tick. */
    public Behaviour active() {
        return active;
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
        backoffTicks = c.get(GangliaKeys.BACKOFF_TICKS);
        backoffSpeed = c.get(GangliaKeys.BACKOFF_SPEED);
        turnTicks = c.get(GangliaKeys.TURN_TICKS);
        turnSpeed = c.get(GangliaKeys.TURN_SPEED);
        freezeTicks = c.get(GangliaKeys.FREEZE_TICKS);
        detourTicks = c.get(GangliaKeys.DETOUR_TICKS);
    }

    @Override
    public void update(TickData tick) {
        percepts = tick.percepts();
        intent = tick.intent();
        soundLeft = Math.max(percepts.soundLeft(), soundLeft * hold);
        soundRight = Math.max(percepts.soundRight(), soundRight * hold);
        long t = tick.tick();
        if (reflexes(t)) return;

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
        if (phonotaxis && level > phonoThreshold) s[Behaviour.PHONOTAXIS.ordinal()] = phonoSalience * level;
        if (light) {
            double contrast = Math.max(percepts.lumaLeft(), percepts.lumaRight()) - percepts.lumaMean();
            s[Behaviour.APPROACH_LIGHT.ordinal()] = lightSalience * Math.max(0, contrast + percepts.lumaMean() * 0.1);
        }
        if (orient) s[Behaviour.ORIENT.ordinal()] = orientSalience * Math.abs(noveltyLeft() - noveltyRight());

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
        boolean currentStillAllowed = !current.isReflex() && current != Behaviour.IDLE && s[current.ordinal()] > 0;
        if (best != current) {
            if (currentStillAllowed && t - heldSince < minHold) {
                best = current;
            } else {
                SwitchLog.Reason why = currentStillAllowed || current == Behaviour.IDLE || current.isReflex()
                        ? (current.isReflex() ? SwitchLog.Reason.REFLEX_DONE : SwitchLog.Reason.SALIENCE)
                        : SwitchLog.Reason.DISABLED;
                select(t, best, why, current.isReflex() || current == Behaviour.IDLE ? 0 : s[current.ordinal()], s[best.ordinal()]);
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
            // Turn away pseudo-randomly but reproducibly: a hash of the tick picks the side.
            turnDirection = ((t * 0x9E3779B97F4A7C15L) >>> 63) == 0 ? 1 : -1;
            select(t, Behaviour.BACK_OFF, percepts.stallDetected() ? SwitchLog.Reason.STALL : SwitchLog.Reason.BUMPER, 0, 0);
        }
        if (!active.isReflex()) return false;
        if (reflexTicksLeft <= 0) {
            if (active == Behaviour.BACK_OFF && turnTicks > 0) {
                reflexTicksLeft = turnTicks;
                select(t, Behaviour.TURN_AWAY, SwitchLog.Reason.REFLEX_DONE, 0, 0);
            } else {
                if (active == Behaviour.TURN_AWAY) detourUntil = t + detourTicks;
                return false; // reflex over: selection picks the next behaviour (reason REFLEX_DONE)
            }
        }
        reflexTicksLeft--;
        steer(active, t);
        return true;
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
                double d = (percepts.lumaLeft() - percepts.lumaRight()) / Math.max(1e-9, percepts.lumaLeft() + percepts.lumaRight());
                int turn = (int) Math.round(lightGain * d);
                left = cruise - turn;
                right = cruise + turn;
                break;
            }
            case ORIENT: {
                int dir = noveltyLeft() >= noveltyRight() ? 1 : -1;
                left = -dir * orientSpeed;
                right = dir * orientSpeed;
                break;
            }
            default: left = 0; right = 0; break;
        }
        if (b == Behaviour.FREEZE) {
            intent.hold();
        } else {
            intent.drive(left, right);
        }
    }

    /**
     * A typical tick (exploring's two sines counted): the held sound levels, the salience of each behaviour,
     * the winner-take-all and the steering (exploring's two sines are the dearest).
     */
    @Override
    public void countOps(org.ev3cortex.seam.OpCount c) {
        c.dop += 20; c.fmath += 2; c.fconv += 4; c.fcmp += 10; c.iop += 10; c.bytes += 16L * salience.length + 16;
    }

    /** Novelty of the left visual field: the surprise of V1-R, which sees it. */
    private double noveltyLeft() {
        return percepts.surprise(Region.V1_R);
    }

    private double noveltyRight() {
        return percepts.surprise(Region.V1_L);
    }
}
