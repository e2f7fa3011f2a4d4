package org.ev3cortex.m1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

/** The premotor read-out's labels and its update, against values computed here by hand. */
class PremotorTest {
    static final int HORIZON = 6;
    static final int LEAD = 2;
    static final float RATE = 0.05f;
    static final float POSITIVE = 5f;

    private static Premotor premotor() {
        Premotor p = new Premotor();
        p.configure(2, HORIZON, LEAD, RATE, POSITIVE);
        return p;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    @Test
    void aContextFollowedByAnOnsetWithinTheHorizonIsAPositive() {
        Premotor p = premotor();
        float[] marked = {1f, 0f};
        float[] plain = {0f, 0f};
        // Tick 0 carries the mark; the onset comes 4 ticks later (within lead..horizon).
        p.update(marked, 0.5f, 0f, false, false, true);
        for (int t = 1; t < 4; t++) p.update(plain, 0.5f, 0f, false, false, true);
        p.update(plain, 0.5f, 0f, true, true, true); // tick 4: the onset
        float[] before = p.weights().clone();
        p.update(plain, 0.5f, 0f, true, false, true); // tick 5
        assertThat(p.weights()).containsExactly(before); // nothing is 6 ticks old yet
        p.update(plain, 0.5f, 0f, false, false, true); // tick 6 labels tick 0: positive
        // By hand: x = (1, 0, 0.5, 0, 1); w = (0, 0, 0, 0, -4); p = sigmoid(-4).
        double q = sigmoid(Premotor.PRIOR_LOG_ODDS);
        double g = RATE * (1 - q) / (1 + 1 + 0.25 + 1) * POSITIVE;
        float[] w = p.weights();
        assertThat((double) w[0]).isCloseTo(g * 1, offset(1e-6));
        assertThat((double) w[1]).isZero();
        assertThat((double) w[2]).isCloseTo(g * 0.5, offset(1e-6));
        assertThat((double) w[4]).isCloseTo(Premotor.PRIOR_LOG_ODDS + g, offset(1e-6));
        assertThat(p.positives()).isEqualTo(1);
    }

    @Test
    void contextsJustBeforeTheOnsetOrDuringTheReflexAreNotLearnedFrom() {
        Premotor p = premotor();
        float[] plain = {0.3f, -0.2f};
        for (int t = 0; t < 10; t++) p.update(plain, 0.5f, 0f, false, false, true);
        long negatives = p.negatives();
        assertThat(negatives).isEqualTo(10 - HORIZON);
        // Tick 10: the onset. The vector of tick 9 is 1 tick before it (below the lead): never used.
        for (int t = 10; t < 16; t++) p.update(plain, 0.5f, 0f, true, t == 10, true);
        // Ticks 10..15 label the vectors of ticks 4..9: 4 (the onset 6 ticks later) to 8 (2 later)
        // are positives; 9 (1 later) is skipped.
        assertThat(p.positives()).isEqualTo(5);
        assertThat(p.negatives()).isEqualTo(negatives);
        // The reflex's own vectors (ticks 10..15) are never labelled.
        for (int t = 16; t < 22; t++) p.update(plain, 0.5f, 0f, false, false, true);
        assertThat(p.positives()).isEqualTo(5);
        assertThat(p.negatives()).isEqualTo(negatives);
        p.update(plain, 0.5f, 0f, false, false, true); // tick 22 labels tick 16: a negative
        assertThat(p.negatives()).isEqualTo(negatives + 1);
    }
}
