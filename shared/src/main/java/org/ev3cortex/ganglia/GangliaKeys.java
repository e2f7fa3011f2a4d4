package org.ev3cortex.ganglia;

import java.util.List;
import org.ev3cortex.config.Key;
import org.ev3cortex.config.Schema;

/**
 * Keys of the reflexes and action selection. Their names keep the {@code m1.} prefix they have
 * always had, so existing properties files stay valid.
 */
public final class GangliaKeys {
    private GangliaKeys() {}

    public static final Key<Integer> CRUISE_SPEED = Key.intKey("m1.cruiseSpeedCountsPerSec", 450).unit("counts/s")
            .range(0, 1560).doc("Forward speed of the behaviours that travel (explore, phonotaxis, light).");

    public static final Key<Boolean> EXPLORE = Key.boolKey("m1.explore.enabled", true)
            .doc("Explore: wander with smooth turns; the default when nothing is more salient.");
    public static final Key<Double> EXPLORE_SALIENCE = Key.doubleKey("m1.explore.salience", 0.2).range(0, 10)
            .doc("Constant salience of exploring; others must beat it to take over.");
    public static final Key<Integer> EXPLORE_TURN = Key.intKey("m1.explore.turnCountsPerSec", 160).unit("counts/s")
            .range(0, 1560).doc("Amplitude of the exploring wheel-speed difference.");
    public static final Key<Double> EXPLORE_PERIOD_S = Key.doubleKey("m1.explore.periodS", 9).unit("s").range(0.5, 600)
            .doc("Period of the exploring turn pattern (two incommensurate sines, so the path does not repeat).");

    public static final Key<Boolean> PHONOTAXIS = Key.boolKey("m1.phonotaxis.enabled", true)
            .doc("Phonotaxis: steer by the left/right level difference of the target song, like Webb's cricket robot.");
    public static final Key<Double> PHONOTAXIS_SALIENCE = Key.doubleKey("m1.phonotaxis.salienceGain", 40).range(0, 1e6)
            .doc("Salience per unit of the song's smoothed level (amplitude in its A1 bands, full scale 1).");
    public static final Key<Double> PHONOTAXIS_THRESHOLD = Key.doubleKey("m1.phonotaxis.threshold", 0.02).range(0, 1)
            .doc("Song level (amplitude in its A1 bands, full scale 1) below which phonotaxis has no salience.");
    public static final Key<Integer> PHONOTAXIS_GAIN = Key.intKey("m1.phonotaxis.turnGainCountsPerSec", 900)
            .unit("counts/s").range(0, 5000).doc("Wheel-speed difference per unit of normalised level difference (L-R)/(L+R).");
    public static final Key<Double> SONG_MIN_HZ = Key.doubleKey("m1.phonotaxis.song.minHz", 780).unit("Hz")
            .range(0, 48_000).doc("The target song's pitch band, lower edge: phonotaxis hears only the A1 bands that"
                    + " overlap [minHz, maxHz]. 0 and 0 (both) hear every band: total loudness, as before.");
    public static final Key<Double> SONG_MAX_HZ = Key.doubleKey("m1.phonotaxis.song.maxHz", 980).unit("Hz")
            .range(0, 48_000).doc("The target song's pitch band, upper edge.");
    public static final Key<Double> SONG_PERIOD_S = Key.doubleKey("m1.phonotaxis.song.periodS", 0.6).unit("s")
            .range(0, 60).doc("The target song's rhythm: the period of its syllables. Phonotaxis has salience only while"
                    + " the level in the song's bands is modulated at this period; 0 accepts any rhythm.");
    public static final Key<Double> SONG_MATCH = Key.doubleKey("m1.phonotaxis.song.rhythmMatch", 0.6).range(0, 1)
            .doc("How much of the variation of the level in the song's bands must be at the song's period (0..1, the"
                    + " square root of that share of the variance over the last 2 s or more, smoothed) for it to be the"
                    + " song: a clean rhythm gives about 0.9, a steady or randomly varying level about 0.3.");

    public static final Key<Integer> FOLLOW_TURN = Key.intKey("m1.follow.turnCountsPerSec", 110).unit("counts/s")
            .range(0, 1560).doc("Follow edge (a detour after phonotaxis or light approach met an obstacle): the wheel-speed"
                    + " difference that curves the robot back toward the obstacle's side, so it keeps touching its edge.");
    public static final Key<Integer> FOLLOW_REFLEX_TURN_TICKS = Key.intKey("m1.follow.reflexTurnTicks", 4).unit("ticks")
            .range(0, 1000).doc("While following an edge, a contact turns the robot away from the edge this long"
                    + " (instead of m1.reflex.turnTicks), so it stays close to it.");
    public static final Key<Integer> FOLLOW_REFLEX_BACKOFF_TICKS = Key.intKey("m1.follow.reflexBackoffTicks", 2)
            .unit("ticks").range(0, 1000).doc("...and backs off this long (instead of m1.reflex.backoffTicks).");
    public static final Key<Integer> FOLLOW_CLEAR_TICKS = Key.intKey("m1.follow.clearTicks", 30).unit("ticks")
            .range(1, 10_000).doc("Following an edge ends after this long without a contact (the obstacle was passed),"
                    + " or earlier once the goal is on the side away from the obstacle.");
    public static final Key<Integer> FOLLOW_MEMORY_TICKS = Key.intKey("m1.follow.memoryTicks", 400).unit("ticks")
            .range(0, 100_000).doc("A contact this soon after the last detour follows the edge on the same side, so"
                    + " the robot keeps going around the obstacle instead of turning back.");
    public static final Key<Integer> FOLLOW_FLIP_TICKS = Key.intKey("m1.follow.flipTicks", 250).unit("ticks")
            .range(1, 100_000).doc("After following edges on one side this long without the goal getting 25 % stronger"
                    + " (louder, or a bigger lamp), the side flips: a dead end that way.");
    public static final Key<Integer> FOLLOW_FREE_SIDE_TICKS = Key.intKey("m1.follow.freeSideTicks", 5).unit("ticks")
            .range(0, 10_000).doc("Following an edge may end early, when the goal lies on the side away from the"
                    + " obstacle, only this long after the last contact.");

    public static final Key<Boolean> LIGHT = Key.boolKey("m1.light.enabled", false)
            .doc("Approach light: steer toward the small bright spots V1 sees (lamps), by their bearing.");
    public static final Key<Double> LIGHT_SALIENCE = Key.doubleKey("m1.light.salienceGain", 30).range(0, 1e6)
            .doc("Salience per unit of the square root of the lamps' mass (V1's bright-spot excess per pixel of"
                    + " the frame), held with a 1 s decay.");
    public static final Key<Integer> LIGHT_GAIN = Key.intKey("m1.light.turnGainCountsPerSec", 600).unit("counts/s")
            .range(0, 5000).doc("Wheel-speed difference per unit of the lamps' bearing (1 at the edge of the view).");

    public static final Key<Boolean> ORIENT = Key.boolKey("m1.orient.enabled", true)
            .doc("Orient to novelty: a short turn toward the visual hemifield whose light changes far more at once than it"
                    + " usually does (an object appearing, a lamp coming on).");
    public static final Key<Double> ORIENT_SALIENCE = Key.doubleKey("m1.orient.salienceGain", 3).range(0, 1e6)
            .doc("Salience of a full novelty (2 x m1.orient.surpriseZ deviations above the usual); the goal"
                    + " behaviours' salience is normalised to s / (1 + s) < 1, so above 1 + the hysteresis a novelty"
                    + " interrupts any goal.");
    public static final Key<Double> ORIENT_Z = Key.doubleKey("m1.orient.surpriseZ", 4).range(0.1, 1e6)
            .doc("A hemifield is novel when the step of its mean light (V1's luma of that half of the frame) since the"
                    + " last tick is this many mean absolute deviations above its running mean step (both over about"
                    + " 5 s: habituation).");
    public static final Key<Double> ORIENT_FLOOR = Key.doubleKey("m1.orient.deviationFloor", 0.0025).unit("luma")
            .range(1e-6, 1).doc("The smallest deviation novelty is measured in (full-scale luma per tick), so that in a"
                    + " steady view a small flicker is not novel: a step must be at least m1.orient.surpriseZ times this"
                    + " above the usual step.");
    public static final Key<Double> ORIENT_SUPPRESS = Key.doubleKey("m1.orient.turnSuppressCountsPerSec", 100)
            .unit("counts/s").range(1, 1e6).doc("While the robot turns, its own motion changes the light of the view:"
                    + " a hemifield's step of light counts divided by 1 + |wheel-speed difference issued last tick| / this,"
                    + " as vision is suppressed during a saccade (so turning at 100 counts/s halves it).");
    public static final Key<Integer> ORIENT_TICKS = Key.intKey("m1.orient.ticks", 3).unit("ticks").range(1, 1000)
            .doc("The orienting response: turn toward the novel side this long, then hand back to the goal...");
    public static final Key<Integer> ORIENT_REFRACTORY_TICKS = Key.intKey("m1.orient.refractoryTicks", 50).unit("ticks")
            .range(0, 100_000).doc("...and ignore novelty this long afterwards.");
    public static final Key<Integer> ORIENT_GAIN = Key.intKey("m1.orient.turnCountsPerSec", 300).unit("counts/s")
            .range(0, 5000).doc("Turning speed while orienting.");

    public static final Key<Double> HYSTERESIS = Key.doubleKey("m1.selection.hysteresis", 0.15).range(0, 10)
            .doc("Action selection: the running behaviour's salience bonus, so selection does not dither.");
    public static final Key<Integer> MIN_HOLD_TICKS = Key.intKey("m1.selection.minHoldTicks", 5).unit("ticks")
            .range(0, 10_000).doc("A newly selected behaviour runs at least this long.");

    public static final Key<Integer> BACKOFF_TICKS = Key.intKey("m1.reflex.backoffTicks", 6).unit("ticks").range(0, 1000)
            .doc("After a stall or a bumper press: reverse this long...");
    public static final Key<Integer> BACKOFF_SPEED = Key.intKey("m1.reflex.backoffCountsPerSec", 400).unit("counts/s")
            .range(0, 1560).doc("...at this speed...");
    public static final Key<Integer> TURN_TICKS = Key.intKey("m1.reflex.turnTicks", 7).unit("ticks").range(0, 1000)
            .doc("...then turn on the spot this long, away from the obstacle.");
    public static final Key<Integer> TURN_SPEED = Key.intKey("m1.reflex.turnCountsPerSec", 350).unit("counts/s")
            .range(0, 1560).doc("Wheel speed of the reflex turn.");
    public static final Key<Integer> DETOUR_TICKS = Key.intKey("m1.reflex.detourTicks", 15).unit("ticks").range(0, 10_000)
            .doc("After a back-off, only exploring is allowed this long, so the robot leaves the obstacle before steering"
                    + " for its goal again.");
    public static final Key<Integer> FREEZE_TICKS = Key.intKey("m1.reflex.freezeTicks", 10).unit("ticks").range(0, 1000)
            .doc("After a watchdog trip, hold the motors stopped this long.");

    public static final List<Key<?>> ALL = List.of(CRUISE_SPEED, EXPLORE, EXPLORE_SALIENCE,
            EXPLORE_TURN, EXPLORE_PERIOD_S, PHONOTAXIS, PHONOTAXIS_SALIENCE, PHONOTAXIS_THRESHOLD, PHONOTAXIS_GAIN, SONG_MIN_HZ,
            SONG_MAX_HZ, SONG_PERIOD_S, SONG_MATCH, FOLLOW_TURN, FOLLOW_REFLEX_TURN_TICKS, FOLLOW_REFLEX_BACKOFF_TICKS, FOLLOW_CLEAR_TICKS, FOLLOW_MEMORY_TICKS, FOLLOW_FLIP_TICKS, FOLLOW_FREE_SIDE_TICKS, LIGHT,
            LIGHT_SALIENCE, LIGHT_GAIN, ORIENT, ORIENT_SALIENCE, ORIENT_Z, ORIENT_FLOOR, ORIENT_SUPPRESS, ORIENT_TICKS, ORIENT_REFRACTORY_TICKS, ORIENT_GAIN, HYSTERESIS, MIN_HOLD_TICKS, BACKOFF_TICKS,
            BACKOFF_SPEED, TURN_TICKS, TURN_SPEED, DETOUR_TICKS, FREEZE_TICKS);

    public static final List<Schema.Rule> RULES = List.of();
}
