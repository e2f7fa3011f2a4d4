package org.ev3cortex.body;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one parser of ev3dev's motor {@code state} words. */
class MotorStateTest {
    @Test
    void stateWordsNameTheirFlagsAndNothingElse() {
        byte[] w = "xstalledoverloadedholdingrampingrunningstall".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(MotorState.flagOf(w, 1, 7)).isEqualTo(MotorState.STALLED);
        assertThat(MotorState.flagOf(w, 8, 10)).isEqualTo(MotorState.OVERLOADED);
        assertThat(MotorState.flagOf(w, 18, 7)).isEqualTo(MotorState.HOLDING);
        assertThat(MotorState.flagOf(w, 25, 7)).isEqualTo(MotorState.RAMPING);
        assertThat(MotorState.flagOf(w, 32, 7)).isEqualTo(MotorState.RUNNING);
        assertThat(MotorState.flagOf(w, 39, 5)).as("a prefix is not a word").isZero();
        assertThat(MotorState.flagOf(w, 0, 7)).isZero();
    }
}
