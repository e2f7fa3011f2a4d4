package org.ev3cortex.m1;

import static org.assertj.core.api.Assertions.assertThat;

import org.ev3cortex.agent.AgentSchema;
import org.ev3cortex.body.Snapshot;
import org.ev3cortex.config.Config;
import org.ev3cortex.seam.MotorCommands;
import org.ev3cortex.seam.PathwayOutput;
import org.ev3cortex.seam.Region;
import org.ev3cortex.seam.TickData;
import org.junit.jupiter.api.Test;

/** M1's population code, and the learned M1's blend of the behaviours' command with the sheet's prediction. */
class MotorCortexTest {
    static final int MAX = 1050;

    private static int[] commands(double weight, int intentLeft, int intentRight, int predictedLeft, int predictedRight)
            throws Exception {
        Config c = AgentSchema.defaults().with(M1Keys.CORTEX_WEIGHT, weight);
        PathwayOutput predicted = new PathwayOutput(Region.M1);
        predicted.reshape(c.get(M1Keys.UNITS_PER_WHEEL), 2);
        // The sheet's prediction, as a population: the same code M1 uses, for other speeds.
        MotorCortex coder = new MotorCortex(MAX);
        coder.configure(c);
        TickData scratch = new TickData(new Snapshot(0, 0, 2, 0), new MotorCommands(2));
        scratch.intent().drive(predictedLeft, predictedRight);
        coder.update(scratch);
        System.arraycopy(coder.activity(), 0, predicted.output(), 0, predicted.output().length);

        MotorCortex m1 = new MotorCortex(MAX, predicted);
        m1.configure(c);
        TickData t = new TickData(new Snapshot(0, 0, 2, 0), new MotorCommands(2));
        t.intent().drive(intentLeft, intentRight);
        m1.update(t);
        return new int[] {t.commands().requestedSpeed(0), t.commands().requestedSpeed(1)};
    }

    @Test
    void atWeightZeroTheCommandIsTheBehavioursAlone() throws Exception {
        int[] alone = commands(0, 400, 600, -300, 700);
        // The population code decodes to within 1 % of the range.
        assertThat(alone[0]).isCloseTo(400, org.assertj.core.data.Offset.offset(10));
        assertThat(alone[1]).isCloseTo(600, org.assertj.core.data.Offset.offset(10));
        assertThat(commands(0, 400, 600, 0, 0)).containsExactly(alone);
    }

    @Test
    void theCommandBlendsTheBehavioursSpeedWithThePredictedSpeed() throws Exception {
        int[] intent = commands(0, 400, 600, -300, 700);
        int[] prediction = commands(1, 400, 600, -300, 700);
        assertThat(prediction[0]).isCloseTo(-300, org.assertj.core.data.Offset.offset(10));
        assertThat(prediction[1]).isCloseTo(700, org.assertj.core.data.Offset.offset(10));
        for (double w : new double[] {0.25, 0.5}) {
            int[] blend = commands(w, 400, 600, -300, 700);
            for (int i = 0; i < 2; i++) {
                assertThat(blend[i]).as("w %.2f wheel %d", w, i)
                        .isEqualTo(Math.round((float) ((1 - w) * intent[i] + w * prediction[i])));
            }
        }
    }
}
