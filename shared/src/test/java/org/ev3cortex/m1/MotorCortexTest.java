package org.ev3cortex.m1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.Random;
import org.ev3cortex.agent.AgentSchema;
import org.ev3cortex.body.Snapshot;
import org.ev3cortex.config.Config;
import org.ev3cortex.seam.MotorCommands;
import org.ev3cortex.seam.PathwayOutput;
import org.ev3cortex.seam.Region;
import org.ev3cortex.seam.TickData;
import org.junit.jupiter.api.Test;

/**
 * M1's population code, and the learned M1: the premotor read-out learns when the contact
 * reflex is about to fire from a context that announces it, and M1 blends the reflex's learned
 * command in by {@code m1.cortex.weight} x that probability.
 */
class MotorCortexTest {
    static final int MAX = 1050;
    static final int POOLS = 8;
    static final int CRUISE = 450;
    static final int BACK = -400;

    /** A world of ticks: every 40 ticks a contact; context pool 0 rises for the 6 ticks before it (the horizon); the rest is noise. */
    private static final class Run {
        final MotorCortex m1;
        final PathwayOutput context = new PathwayOutput(Region.M1);
        final Random random = new Random(5);
        int tick;

        Run(double weight) throws Exception {
            Config c = AgentSchema.defaults().with(M1Keys.CORTEX_WEIGHT, weight);
            context.reshape(POOLS, 1);
            m1 = new MotorCortex(MAX, context);
            m1.configure(c);
        }

        /** One tick; returns the commanded speeds. */
        int[] step(boolean warning, boolean reflex, boolean onset) {
            float[] x = context.output();
            for (int k = 0; k < POOLS; k++) x[k] = (float) random.nextGaussian() * 0.5f;
            x[0] = warning ? 2f : (float) random.nextGaussian() * 0.3f;
            TickData t = new TickData(new Snapshot(tick++, 0, 2, 0), new MotorCommands(2));
            if (reflex) {
                t.intent().drive(BACK, BACK);
                t.intent().contactReflex(onset);
            } else {
                t.intent().drive(CRUISE, CRUISE);
            }
            m1.update(t);
            return new int[] {t.commands().requestedSpeed(0), t.commands().requestedSpeed(1)};
        }

        /** Trains on {@code episodes} approaches; returns the last command of each one's warning ticks. */
        void train(int episodes) {
            for (int e = 0; e < episodes; e++) {
                for (int i = 0; i < 30; i++) step(false, false, false);
                for (int i = 0; i < 6; i++) step(true, false, false);
                for (int i = 0; i < 6; i++) step(false, true, i == 0);
            }
        }
    }

    @Test
    void theReadOutLearnsTheWarningAndTheReflexsCommand() throws Exception {
        Run run = new Run(0);
        run.train(400);
        // Known values: the reflex's first command; a high probability on the warning, a low one elsewhere.
        assertThat(run.m1.reflexCommand()[0]).isCloseTo(BACK, offset(5f));
        assertThat(run.m1.reflexCommand()[1]).isCloseTo(BACK, offset(5f));
        run.step(true, false, false);
        float warned = run.m1.contactProbability();
        double quiet = 0;
        for (int i = 0; i < 100; i++) {
            run.step(false, false, false);
            quiet += run.m1.contactProbability() / 100;
        }
        assertThat(warned).isGreaterThan(0.5f);
        assertThat(quiet).as("mean probability without the warning").isLessThan(0.1);
    }

    @Test
    void atWeightZeroTheCommandIsTheBehavioursAloneEvenWhenTheReadOutFires() throws Exception {
        Run run = new Run(0);
        run.train(400);
        int[] cmd = run.step(true, false, false);
        assertThat(run.m1.contactProbability()).isGreaterThan(0.5f);
        // The population code decodes to within 1 % of the range.
        assertThat(cmd[0]).isCloseTo(CRUISE, offset(10));
        assertThat(cmd[1]).isCloseTo(CRUISE, offset(10));
        assertThat(run.m1.anticipatedTicks()).isZero();
    }

    @Test
    void theCommandMovesTowardTheReflexByWeightTimesProbability() throws Exception {
        for (double w : new double[] {0.5, 1}) {
            Run alone = new Run(0);
            alone.train(150);
            int[] intent = alone.step(false, false, false);
            Run run = new Run(w);
            run.train(400);
            int[] cmd = run.step(true, false, false);
            float a = (float) w * run.m1.contactProbability();
            assertThat(run.m1.anticipation()).isEqualTo(a);
            float[] reflex = run.m1.reflexCommand();
            for (int i = 0; i < 2; i++) {
                // The blended speed through the population code: within its 1 % of the range.
                assertThat(cmd[i]).as("w %.1f wheel %d", w, i).isCloseTo(Math.round((1 - a) * CRUISE + a * reflex[i]), offset(10));
            }
            assertThat(cmd[0]).as("slower than the intent").isLessThan(intent[0] - 100);
            assertThat(run.m1.anticipatedTicks()).isPositive();
        }
    }

    @Test
    void beforeItsFirstContactTheRobotIsTheWeightZeroRobot() throws Exception {
        Run run = new Run(1);
        Run alone = new Run(0);
        for (int i = 0; i < 200; i++) {
            boolean warning = i % 40 >= 34;
            assertThat(run.step(warning, false, false)).containsExactly(alone.step(warning, false, false));
        }
        assertThat(run.m1.contactProbability()).isPositive();
        assertThat(run.m1.anticipatedTicks()).isZero();
    }

    @Test
    void theReflexItselfPassesUntouched() throws Exception {
        Run run = new Run(1);
        run.train(400);
        int[] cmd = run.step(false, true, true);
        assertThat(cmd[0]).isCloseTo(BACK, offset(10));
        assertThat(run.m1.anticipation()).isZero();
    }
}
