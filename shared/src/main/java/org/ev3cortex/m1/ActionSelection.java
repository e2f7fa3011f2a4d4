package org.ev3cortex.m1;

import org.ev3cortex.agent.AgentKeys;
import org.ev3cortex.agent.LoopStats;
import org.ev3cortex.agent.MotorCommands;
import org.ev3cortex.agent.Stage;
import org.ev3cortex.body.Snapshot;
import org.ev3cortex.config.Config;

/**
 * The brainstem and the basal ganglia: reflexes first (freeze after a watchdog trip; back off and
 * turn away after a stall or a bumper press), then a winner-take-all over the behaviours'
 * salience, with a bonus for the running one and a minimum hold so that selection does not
 * dither. Writes the intended wheel speeds into the context for M1.
 */
public final class ActionSelection implements Stage {
    private static final Behaviour[] CHOICES = {
        Behaviour.EXPLORE, Behaviour.ORIENT, Behaviour.PHONOTAXIS, Behaviour.APPROACH_LIGHT};

    private final MotorContext ctx;
    private LoopStats loopStats;
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

    public ActionSelection(MotorContext ctx) {
        this.ctx = ctx;
    }

    /** Watches the loop's watchdog: a trip makes the robot freeze for {@code m1.reflex.freezeTicks}. */
    public void watch(LoopStats stats) {
        this.loopStats = stats;
        this.lastWatchdogTrips = stats.watchdogTrips();
    }

    @Override
    public String name() {
        return "basal-ganglia";
    }

    @Override
    public void configure(Config c) {
        explore = c.get(M1Keys.EXPLORE);
        orient = c.get(M1Keys.ORIENT);
        phonotaxis = c.get(M1Keys.PHONOTAXIS);
        light = c.get(M1Keys.LIGHT);
        exploreSalience = c.get(M1Keys.EXPLORE_SALIENCE);
        phonoSalience = c.get(M1Keys.PHONOTAXIS_SALIENCE);
        phonoThreshold = c.get(M1Keys.PHONOTAXIS_THRESHOLD);
        lightSalience = c.get(M1Keys.LIGHT_SALIENCE);
        orientSalience = c.get(M1Keys.ORIENT_SALIENCE);
        hysteresis = c.get(M1Keys.HYSTERESIS);
        minHold = c.get(M1Keys.MIN_HOLD_TICKS);
        cruise = c.get(M1Keys.CRUISE_SPEED);
        exploreTurn = c.get(M1Keys.EXPLORE_TURN);
        explorePeriodTicks = c.get(M1Keys.EXPLORE_PERIOD_S) * 1000.0 / c.get(AgentKeys.PERIOD_MS);
        phonoGain = c.get(M1Keys.PHONOTAXIS_GAIN);
        lightGain = c.get(M1Keys.LIGHT_GAIN);
        orientSpeed = c.get(M1Keys.ORIENT_GAIN);
        backoffTicks = c.get(M1Keys.BACKOFF_TICKS);
        backoffSpeed = c.get(M1Keys.BACKOFF_SPEED);
        turnTicks = c.get(M1Keys.TURN_TICKS);
        turnSpeed = c.get(M1Keys.TURN_SPEED);
        freezeTicks = c.get(M1Keys.FREEZE_TICKS);
        detourTicks = c.get(M1Keys.DETOUR_TICKS);
    }

    @Override
    public void update(Snapshot in, MotorCommands out) {
        long t = in.tick;
        if (reflexes(t)) return;

        double[] s = ctx.salience;
        java.util.Arrays.fill(s, 0);
        if (explore) s[Behaviour.EXPLORE.ordinal()] = exploreSalience;
        if (explore && t < detourUntil) {
            // Detour: just after a back-off only exploring may run, so the robot gets clear of the
            // obstacle instead of steering straight back into it.
            if (ctx.active != Behaviour.EXPLORE) select(t, Behaviour.EXPLORE, SwitchLog.Reason.REFLEX_DONE, 0, exploreSalience);
            steer(ctx.active, t);
            return;
        }
        double level = (ctx.soundLeft + ctx.soundRight) / 2;
        if (phonotaxis && level > phonoThreshold) s[Behaviour.PHONOTAXIS.ordinal()] = phonoSalience * level;
        if (light) {
            double contrast = Math.max(ctx.lightLeft, ctx.lightRight) - ctx.lightMean;
            s[Behaviour.APPROACH_LIGHT.ordinal()] = lightSalience * Math.max(0, contrast + ctx.lightMean * 0.1);
        }
        if (orient) s[Behaviour.ORIENT.ordinal()] = orientSalience * Math.abs(ctx.noveltyLeft - ctx.noveltyRight);

        Behaviour current = ctx.active;
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
        steer(ctx.active, t);
    }

    /** Runs the reflexes; true when one of them owns this tick. */
    private boolean reflexes(long t) {
        if (loopStats != null && loopStats.watchdogTrips() > lastWatchdogTrips) {
            lastWatchdogTrips = loopStats.watchdogTrips();
            reflexTicksLeft = freezeTicks;
            select(t, Behaviour.FREEZE, SwitchLog.Reason.WATCHDOG, 0, 0);
        } else if ((ctx.stallDetected || ctx.bumperPressed) && ctx.active != Behaviour.BACK_OFF
                && ctx.active != Behaviour.FREEZE) {
            reflexTicksLeft = backoffTicks;
            // Turn away pseudo-randomly but reproducibly: a hash of the tick picks the side.
            turnDirection = ((t * 0x9E3779B97F4A7C15L) >>> 63) == 0 ? 1 : -1;
            select(t, Behaviour.BACK_OFF, ctx.stallDetected ? SwitchLog.Reason.STALL : SwitchLog.Reason.BUMPER, 0, 0);
        }
        if (!ctx.active.isReflex()) return false;
        if (reflexTicksLeft <= 0) {
            if (ctx.active == Behaviour.BACK_OFF && turnTicks > 0) {
                reflexTicksLeft = turnTicks;
                select(t, Behaviour.TURN_AWAY, SwitchLog.Reason.REFLEX_DONE, 0, 0);
            } else {
                if (ctx.active == Behaviour.TURN_AWAY) detourUntil = t + detourTicks;
                return false; // reflex over: selection picks the next behaviour (reason REFLEX_DONE)
            }
        }
        reflexTicksLeft--;
        steer(ctx.active, t);
        return true;
    }

    private void select(long t, Behaviour next, SwitchLog.Reason why, double sFrom, double sTo) {
        if (next == ctx.active) return;
        ctx.switches.add(t, ctx.active, next, why, sFrom, sTo);
        ctx.active = next;
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
                double d = (ctx.soundLeft - ctx.soundRight) / Math.max(1e-9, ctx.soundLeft + ctx.soundRight);
                int turn = (int) Math.round(phonoGain * d);
                left = cruise - turn;
                right = cruise + turn;
                break;
            }
            case APPROACH_LIGHT: {
                double d = (ctx.lightLeft - ctx.lightRight) / Math.max(1e-9, ctx.lightLeft + ctx.lightRight);
                int turn = (int) Math.round(lightGain * d);
                left = cruise - turn;
                right = cruise + turn;
                break;
            }
            case ORIENT: {
                int dir = ctx.noveltyLeft >= ctx.noveltyRight ? 1 : -1;
                left = -dir * orientSpeed;
                right = dir * orientSpeed;
                break;
            }
            default: left = 0; right = 0; break;
        }
        ctx.intentLeftCountsPerSec = left;
        ctx.intentRightCountsPerSec = right;
    }
}
