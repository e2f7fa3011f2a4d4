package org.ev3cortex.m1;

/**
 * M1's premotor read-out: learns, from the senses' pooled context and the intended motion, the
 * probability that the contact reflex fires within the next few ticks, and what the reflex then
 * makes M1 command. It is feedback-error learning (Kawato's scheme for the cerebellum): the
 * reflex is the teacher, and the read-out learns to issue the reflex's command before the
 * contact that would have triggered it.
 *
 * <p>Labels are known only later, so the read-out keeps the last {@code horizon + 1} feature
 * vectors. Each tick, the vector from {@code horizon} ticks ago is labelled: 1 when a contact
 * onset came {@code lead} to {@code horizon} ticks after it, 0 when none came within
 * {@code horizon}. A vector followed by an onset sooner than {@code lead} ticks is not used: the
 * contact had already happened then, and learning to detect it would not anticipate anything.
 * Vectors taken while the reflex itself ran are not used either.
 *
 * <p>Logistic regression by normalised stochastic gradient descent: {@code p = 1/(1+e^-w.x)},
 * {@code w += rate (y - p) x / (1 + |x|^2)}, positives weighted by {@code positiveWeight}
 * (contacts are rare; the probability is then that many times the odds, which makes M1 act
 * earlier than a calibrated one would). A context that M1 acted on and no contact followed
 * counts as a plain 0: where slowing down keeps the robot off the wall, the read-out unlearns
 * the danger until a contact teaches it again.
 *
 * <p>Written by hand because it is our domain: a few dozen weights learned online, one per
 * tick, with no allocation and one {@code exp}.
 */
final class Premotor {
    /** The bias weight's start: a contact within the horizon is taken as rare (p about 0.02) until learned otherwise. */
    static final float PRIOR_LOG_ODDS = -4f;

    private int inputs;     // context pools, forward, |turn|, bias
    private int horizon;
    private int lead;
    private float rate;
    private float positiveWeight;

    private float[] w = new float[0];
    private float[] ring = new float[0];      // (horizon + 1) x inputs
    private boolean[] usable = new boolean[0];
    private long ticks;
    private long lastOnset = Long.MIN_VALUE / 2;
    private float p;
    private long positives;
    private long negatives;

    /** Sizes the read-out; keeps the learned weights while the context's size stays the same. */
    void configure(int contextSize, int horizon, int lead, float rate, float positiveWeight) {
        int in = contextSize + 3;
        if (in != inputs || horizon != this.horizon) {
            inputs = in;
            this.horizon = horizon;
            if (w.length != in) {
                w = new float[in];
                w[in - 1] = PRIOR_LOG_ODDS;
            }
            ring = new float[(horizon + 1) * in];
            usable = new boolean[horizon + 1];
            ticks = 0;
        }
        this.lead = lead;
        this.rate = rate;
        this.positiveWeight = positiveWeight;
    }

    /**
     * One tick: learns from the vector {@code horizon} ticks old, then reads this tick's
     * probability.
     *
     * @param context  the sheet's pooled context (z-scores)
     * @param forward  the intended forward speed, as a fraction of the top speed
     * @param turn     the intended turn (right minus left, halved), as a fraction of the top speed
     * @param reflex   the contact reflex drives this tick
     * @param onset    a contact started the reflex this tick
     * @param learn    learning is on this tick
     * @return the probability that the contact reflex fires within the horizon
     */
    float update(float[] context, float forward, float turn, boolean reflex, boolean onset, boolean learn) {
        if (onset) lastOnset = ticks;
        int slot = (int) (ticks % (horizon + 1));
        if (learn && ticks >= horizon) {
            int old = (int) ((ticks - horizon) % (horizon + 1));
            long after = lastOnset - (ticks - horizon); // the newest onset came this many ticks after the labelled vector
            if (usable[old] && !(after > 0 && after < lead)) {
                boolean positive = after >= lead && after <= horizon;
                float y = positive ? 1f : 0f;
                int base = old * inputs;
                float dot = 0;
                float norm = 1;
                for (int k = 0; k < inputs; k++) {
                    float x = ring[base + k];
                    dot += w[k] * x;
                    norm += x * x;
                }
                float q = sigmoid(dot);
                float g = rate * (y - q) / norm * (positive ? positiveWeight : 1f);
                for (int k = 0; k < inputs; k++) w[k] += g * ring[base + k];
                if (positive) positives++; else negatives++;
            }
        }
        int base = slot * inputs;
        System.arraycopy(context, 0, ring, base, inputs - 3);
        ring[base + inputs - 3] = forward;
        ring[base + inputs - 2] = Math.abs(turn);
        ring[base + inputs - 1] = 1f;
        usable[slot] = !reflex;
        float dot = 0;
        for (int k = 0; k < inputs; k++) dot += w[k] * ring[base + k];
        p = reflex ? 0f : sigmoid(dot);
        ticks++;
        return p;
    }

    float probability() { return p; }
    long positives() { return positives; }
    long negatives() { return negatives; }
    float[] weights() { return w; }

    private static float sigmoid(float z) {
        if (z > 30) return 1f;
        if (z < -30) return 0f;
        return (float) (1 / (1 + Math.exp(-z)));
    }
}
